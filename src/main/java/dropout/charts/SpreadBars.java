package dropout.charts;

import dropout.measure.SeedSpread;
import dropout.report.Report;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Bars of values measured over seeds: each bar the mean, its error bar ± the sd over seeds. The value
 * (4 decimals, signed) and the sd are written under each bar, in its upright name, where no error bar can
 * cross them.
 */
public final class SpreadBars {
    private SpreadBars() {
    }

    /** One bar per named spread, e.g. {@code StudyResults.differences(Metric.TRAIN_LOSS, "width 64")}. */
    public static BufferedImage of(String title, String yLabel, Map<String, SeedSpread> spreads) {
        String m = "SpreadBars.of";
        List<Map.Entry<String, SeedSpread>> list = Check.entries(m, "spreads", spreads);
        List<String> names = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> errs = new ArrayList<>();
        for (Map.Entry<String, SeedSpread> e : list) {
            SeedSpread s = e.getValue();
            Check.finite(m, "mean '" + e.getKey() + "'", s.mean());
            double sd = Double.isFinite(s.sd()) ? s.sd() : 0;
            names.add(e.getKey() + "  " + (s.mean() >= 0 ? "+" : "") + Report.number(s.mean(), 4) + " ± " + Report.number(sd, 4));
            ys.add(s.mean());
            errs.add(sd);
        }
        CategoryChart c = new CategoryChart(Charts.WIDTH, Charts.HEIGHT + 120);
        c.setTitle(Check.text(title));
        c.setXAxisTitle("");
        c.setYAxisTitle(Check.text(yLabel));
        Charts.style(c.getStyler(), Theme.TITLE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        c.getStyler().setAvailableSpaceFill(0.6);
        c.getStyler().setLabelsVisible(false);
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        c.getStyler().setErrorBarsColor(Theme.TEXT);
        c.getStyler().setXAxisLabelRotation(90);
        CategorySeries s = c.addSeries("values", names, ys, errs);
        s.setFillColor(Charts.BAR_FILL);
        s.setLineColor(Theme.color(0));
        return BitmapEncoder.getBufferedImage(c);
    }
}
