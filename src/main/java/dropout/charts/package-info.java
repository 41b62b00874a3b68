/**
 * One-line chart factories for the notebooks: {@link dropout.charts.Charts} returns every chart as a
 * {@link java.awt.image.BufferedImage}, which both Java kernels display when it is a cell's last
 * expression, and {@link dropout.charts.Charts#save} writes one as PNG. Built on XChart; masks,
 * matrices, image grids and the two-panel training figure are drawn with Graphics2D.
 */
package dropout.charts;
