package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.store.Person;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The stats chart looked at as a person would: a real PNG of the right size with a drawn line and
 * bars.
 */
class StatsChartTest {
  static PersonStats sample() {
    LocalDate start = LocalDate.parse("2026-03-01");
    List<PersonStats.DayPoint> days =
        List.of(
            new PersonStats.DayPoint(start, 2, 35, 20),
                new PersonStats.DayPoint(start.plusDays(1), 1, 55, 35),
            new PersonStats.DayPoint(start.plusDays(3), 3, 70, 80),
                new PersonStats.DayPoint(start.plusDays(4), 1, 90, 95));
    List<PersonStats.TopicMastery> topics =
        List.of(
            new PersonStats.TopicMastery("nodejs", 3, 3, 72),
            new PersonStats.TopicMastery("memory", 1, 1, 40));
    return new PersonStats(
        new Person(1, "discord:1", "Ada", ZoneId.of("UTC")),
        7,
        62.5,
        95,
        2,
        3,
        1,
        topics,
        List.of(),
        days);
  }

  @Test
  void renders_a_valid_non_trivial_png_of_the_documented_size() throws Exception {
    byte[] png = StatsChart.png(sample());
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        Arrays.copyOf(png, 8),
        "PNG signature");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(StatsChart.WIDTH, image.getWidth());
    assertEquals(StatsChart.HEIGHT, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    boolean lineColour = false;
    boolean barColour = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        nonWhite += rgb == 0xFFFFFF ? 0 : 1;
        lineColour |= near(rgb, 0x4F7CAC) || near(rgb, 0x2E5A88);
        barColour |= near(rgb, 0xE0A526);
      }
    }
    assertTrue(
        colours.size() > 50,
        "many distinct colours (text, anti-aliasing, series): " + colours.size());
    assertTrue(
        nonWhite > image.getWidth() * image.getHeight() / 20, "more than 5% drawn: " + nonWhite);
    assertTrue(lineColour, "the score line is drawn");
    assertTrue(barColour, "the mastery bars are drawn");
    Path out = Path.of("target", "stats-chart-sample.png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
  }

  @Test
  void refuses_to_chart_nobody() {
    PersonStats empty =
        new PersonStats(
            new Person(1, "discord:1", "Ada", ZoneId.of("UTC")),
            0,
            0,
            0,
            0,
            0,
            0,
            List.of(),
            List.of(),
            List.of());
    assertThrows(IllegalArgumentException.class, () -> StatsChart.png(empty));
  }

  private static boolean near(int rgb, int target) {
    int dr = Math.abs(((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF));
    int dg = Math.abs(((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF));
    int db = Math.abs((rgb & 0xFF) - (target & 0xFF));
    return dr + dg + db < 12;
  }
}
