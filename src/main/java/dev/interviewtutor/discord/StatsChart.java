package dev.interviewtutor.discord;

import dev.interviewtutor.practice.PersonStats;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A person's progress as one PNG, rendered in-process with XChart (headless): score over time on
 * top (daily average score, 0–100) and mastery per topic below. No fonts or display needed beyond
 * the JDK's.
 */
public final class StatsChart {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 700;
  private static final int TOP = 380;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private StatsChart() {}

  /** The PNG bytes; requires at least one answer (see {@link PersonStats#answers()}). */
  public static byte[] png(PersonStats stats) {
    if (stats.overTime().isEmpty()) {
      throw new IllegalArgumentException("no answers to chart");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      scoreOverTime(stats).paint(g, WIDTH, TOP);
      Graphics2D bottom = (Graphics2D) g.create(0, TOP, WIDTH, HEIGHT - TOP);
      masteryPerTopic(stats).paint(bottom, WIDTH, HEIGHT - TOP);
      bottom.dispose();
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static XYChart scoreOverTime(PersonStats stats) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(TOP)
            .title("Score over time")
            .yAxisTitle("average score")
            .build();
    chart.getStyler().setDatePattern("MMM d");
    chart
        .getStyler()
        .setYAxisMin(0.0)
        .setYAxisMax(100.0)
        .setLegendVisible(false)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(new Color(0xF7F9FC));
    List<Date> days =
        stats.overTime().stream()
            .map(d -> Date.from(d.day().atStartOfDay().toInstant(ZoneOffset.UTC)))
            .toList();
    List<Double> scores =
        stats.overTime().stream().map(PersonStats.DayPoint::averageScore).toList();
    XYSeries series = chart.addSeries("score", days, scores);
    series.setLineColor(new Color(0x4F7CAC));
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(new Color(0x2E5A88));
    return chart;
  }

  private static CategoryChart masteryPerTopic(PersonStats stats) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT - TOP)
            .title("Mastery per topic")
            .yAxisTitle("mastery")
            .build();
    chart
        .getStyler()
        .setYAxisMin(0.0)
        .setYAxisMax(100.0)
        .setLegendVisible(false)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(new Color(0xF7F9FC))
        .setLegendPosition(Styler.LegendPosition.InsideNE);
    List<String> topics = stats.topics().stream().map(PersonStats.TopicMastery::topic).toList();
    List<Integer> mastery = stats.topics().stream().map(PersonStats.TopicMastery::mastery).toList();
    chart.addSeries("mastery", topics, mastery).setFillColor(new Color(0xE0A526));
    return chart;
  }
}
