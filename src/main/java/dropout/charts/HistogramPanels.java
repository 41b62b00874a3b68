package dropout.charts;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One histogram per sample, side by side, each with its own count axis: for samples whose shapes differ so much
 * (two spikes against a bell) that overlaid on one axis the flatter one would be squashed to a line.
 */
public final class HistogramPanels {
    private HistogramPanels() {
    }

    /** 2 or 3 samples, each in its own panel titled by its name, {@code bins} bins over that sample's range. */
    public static BufferedImage sideBySide(String title, String xLabel, Map<String, double[]> samples, int bins) {
        String m = "HistogramPanels.sideBySide";
        List<Map.Entry<String, double[]>> list = Check.entries(m, "samples", samples);
        if (list.size() < 2 || list.size() > 3) {
            throw Check.fail(m, list.size() + " samples: give 2 or 3 (one would need no panels, more would be too "
                    + "narrow to read); for one sample use Charts.histogram");
        }
        title = Check.text(title);
        int titleH = title.isEmpty() ? 6 : 40;
        int panelW = Charts.PANELS_WIDTH / list.size();
        int panelH = Charts.PANELS_HEIGHT - titleH - 14;
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, double[]> e : list) {
            images.add(Charts.histogram(m, e.getKey(), xLabel, Map.of(e.getKey(), e.getValue()), bins, panelW,
                    panelH, Theme.PANEL_TITLE));
        }
        return Raster.composePanels(Charts.PANELS_WIDTH, Charts.PANELS_HEIGHT, title, titleH, images, List.of());
    }
}
