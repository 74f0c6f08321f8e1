package org.whatmatters.summaries.render;

import static org.whatmatters.summaries.render.Text.coord;
import static org.whatmatters.summaries.render.Text.html;

import java.util.ArrayList;
import java.util.List;
import org.whatmatters.summaries.Cell;
import org.whatmatters.summaries.CountTable;
import org.whatmatters.summaries.Figure;
import org.whatmatters.summaries.Nps;

/**
 * Inline SVG charts. A suppressed figure is drawn as the word, never as a mark whose size would
 * give the value away. Colours keep text at 4.5:1 or better on white.
 */
final class Svg {

    /** One category of an NPS chart: a period, or a team. */
    record Point(String label, Figure<Nps> nps) {
    }

    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#595959";
    private static final String BAR = "#1f4e79";
    private static final String BENCH = "#8a4b00";
    private static final String GRID = "#d0d0d0";
    private static final int MAX_LABEL = 16;

    private Svg() {
    }

    /** NPS (−100…100) with its 95% interval per category, and the benchmark as a dashed line. */
    static String nps(String id, String title, List<Point> points, int benchmark) {
        int n = points.size();
        double left = 50;
        double step = 110;
        double width = left + step * n + 90;
        double top = 20;
        double bottom = 210;
        StringBuilder s = open(id, width, 250, title, npsDesc(points, benchmark));
        for (int v = -100; v <= 100; v += 50) {
            double y = npsY(v, top, bottom);
            s.append(line(left, y, width - 90, y, GRID, v == 0 ? "" : " stroke-dasharray=\"2 3\""));
            s.append(text(left - 6, y + 4, "end", MUTED, 11, String.valueOf(v)));
        }
        double by = npsY(benchmark, top, bottom);
        s.append(line(left, by, width - 90, by, BENCH, " stroke-dasharray=\"6 4\" stroke-width=\"1.5\""));
        s.append(text(width - 86, by + 4, "start", BENCH, 11, "benchmark " + benchmark));
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = left + step * (i + 0.5);
            s.append(text(x, bottom + 20, "middle", INK, 11, shorten(p.label())));
            if (p.nps().shown()) {
                Nps v = p.nps().value();
                double lo = npsY(v.low(), top, bottom);
                double hi = npsY(v.high(), top, bottom);
                double y = npsY(v.score(), top, bottom);
                s.append(line(x, lo, x, hi, BAR, " stroke-width=\"2\""));
                s.append(line(x - 6, lo, x + 6, lo, BAR, " stroke-width=\"2\""));
                s.append(line(x - 6, hi, x + 6, hi, BAR, " stroke-width=\"2\""));
                s.append("<circle cx=\"").append(coord(x)).append("\" cy=\"").append(coord(y))
                        .append("\" r=\"5\" fill=\"").append(BAR).append("\"/>");
                s.append(text(x + 9, y + 4, "start", INK, 12, Text.number(v.score())));
            } else {
                s.append(text(x, npsY(0, top, bottom) - 6, "middle", MUTED, 11, "suppressed"));
            }
        }
        return s.append("</svg>").toString();
    }

    /** How many gave each rating 1–6. */
    static String distribution(String id, String title, CountTable<Integer> table) {
        double left = 40;
        double top = 24;
        double bottom = 160;
        double step = 50;
        long max = 1;
        List<String> desc = new ArrayList<>();
        for (Cell<Integer> c : table.cells()) {
            if (c.count().shown()) {
                max = Math.max(max, c.count().value());
            }
            desc.add("rated " + c.key() + ": " + Text.shown(c.count(), Text::number));
        }
        StringBuilder s = open(id, left + step * table.cells().size() + 20, 200, title, String.join("; ", desc) + ".");
        s.append(line(left, bottom, left + step * table.cells().size(), bottom, INK, ""));
        for (int i = 0; i < table.cells().size(); i++) {
            Cell<Integer> c = table.cells().get(i);
            double x = left + step * i + 10;
            s.append(text(x + 15, bottom + 16, "middle", INK, 11, String.valueOf(c.key())));
            if (c.count().shown()) {
                long v = c.count().value();
                double h = (bottom - top) * v / max;
                s.append("<rect x=\"").append(coord(x)).append("\" y=\"").append(coord(bottom - h))
                        .append("\" width=\"30\" height=\"").append(coord(h)).append("\" fill=\"").append(BAR).append("\"/>");
                s.append(text(x + 15, bottom - h - 4, "middle", INK, 11, String.valueOf(v)));
            } else {
                s.append(text(x + 15, bottom - 4, "middle", MUTED, 9, "suppr."));
            }
        }
        s.append(text(left + step * 3, bottom + 34, "middle", MUTED, 11, "rating (1–6)"));
        return s.append("</svg>").toString();
    }

    private static String npsDesc(List<Point> points, int benchmark) {
        List<String> out = new ArrayList<>();
        for (Point p : points) {
            out.add(p.label() + ": " + Text.shown(p.nps(), v -> "NPS " + Text.number(v.score()) + ", 95% interval "
                    + Text.number(v.low()) + " to " + Text.number(v.high())));
        }
        return String.join("; ", out) + ". Benchmark " + benchmark + ".";
    }

    private static double npsY(double v, double top, double bottom) {
        return top + (100 - v) / 200 * (bottom - top);
    }

    private static StringBuilder open(String id, double width, double height, String title, String desc) {
        return new StringBuilder("<svg role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id)
                .append("-d\" viewBox=\"0 0 ").append(coord(width)).append(' ').append(coord(height))
                .append("\" width=\"").append(coord(width)).append("\" height=\"").append(coord(height))
                .append("\" font-family=\"sans-serif\"><title id=\"").append(id).append("-t\">").append(html(title))
                .append("</title><desc id=\"").append(id).append("-d\">").append(html(desc)).append("</desc>");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" + coord(y2)
                + "\" stroke=\"" + colour + "\"" + extra + "/>";
    }

    private static String text(double x, double y, String anchor, String colour, int size, String content) {
        return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour
                + "\" font-size=\"" + size + "\">" + html(content) + "</text>";
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }
}
