/**
 * What a notebook prints: {@link dropout.report.Table} (a table that prints itself),
 * {@link dropout.report.Named} (ordered, named values for chart series and bars) and
 * {@link dropout.report.Report} (one labelled number per line). Everything formats with
 * {@link java.util.Locale#ROOT}, so a notebook prints the same digits in every locale.
 * Depends on nothing else in the library.
 */
package dropout.report;
