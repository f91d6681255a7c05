package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code stat}, {@code list} and {@code delete}: sizes and modification times; paging with limits
 * 1, 2 and 1000 following {@code next}, ascending order, the {@code after} cursor, prefixes with
 * and without a trailing slash and nothing outside them; deletes of missing keys, of folder
 * names, and what a delete removes.
 */
public abstract class StatListDeleteConformance extends ConformanceSuite {
  /** Slack for clocks: a server's clock, and stores that keep seconds only. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);
  /** Listed under {@code l/}, and around it: '-' and '.' sort before '/', '0' after it. */
  private static final List<String> FOLDER = List.of("l/a", "l/b/c", "l/b/d", "l/e");
  private static final List<String> AROUND = List.of("l-x", "l.y", "l0", "lz/q", "m/other");

  /** For subclasses. */
  protected StatListDeleteConformance() {}

  @Test
  void stat_existing_returnsSizeAndLastModified() {
    String key = key("stat.bin");
    Instant before = Instant.now();
    put(key, Bytes.random(4321, 1));
    Instant after = Instant.now();
    ObjectInfo info = provider().stat(key);
    assertThat(info.key()).isEqualTo(key);
    assertThat(info.size()).isEqualTo(4321);
    assertThat(info.lastModified()).isBetween(before.minus(CLOCK_SLACK), after.plus(CLOCK_SLACK));
  }

  @Test
  void list_limitOne_pagesThroughEveryKeyInOrder() {
    writeListingFixture();
    assertThat(listKeys(key("l/"), 1)).containsExactlyElementsOf(keys(FOLDER));
  }

  @Test
  void list_limitTwo_pagesThroughEveryKeyInOrder() {
    writeListingFixture();
    assertThat(listKeys(key("l/"), 2)).containsExactlyElementsOf(keys(FOLDER));
  }

  @Test
  void list_limitThousand_returnsOnePage() {
    writeListingFixture();
    ObjectPage page = provider().list(key("l/"), Optional.empty(), 1000);
    assertThat(page.objects()).extracting(ObjectInfo::key).containsExactlyElementsOf(keys(FOLDER));
    assertThat(page.next()).as("next on the last page").isEmpty();
  }

  @Test
  void list_limitReached_nextCursorLeadsToTheRest() {
    assumeSupports(Capability.LIST_PAGED);
    writeListingFixture();
    ObjectPage first = provider().list(key("l/"), Optional.empty(), 3);
    assertThat(first.objects()).extracting(ObjectInfo::key).containsExactlyElementsOf(keys(FOLDER.subList(0, 3)));
    assertThat(first.next()).as("next when more keys follow").isPresent();
    ObjectPage second = provider().list(key("l/"), first.next(), 3);
    assertThat(second.objects()).extracting(ObjectInfo::key).containsExactly(key("l/e"));
    assertThat(second.next()).isEmpty();
  }

  @Test
  void list_after_startsStrictlyAfterTheKey() {
    writeListingFixture();
    String prefix = key("l/");
    assertThat(keysOf(provider().list(prefix, Optional.of(key("l/b/c")), 1000))).containsExactly(key("l/b/d"), key("l/e"));
    assertThat(keysOf(provider().list(prefix, Optional.of(key("l/b")), 1000)))
        .as("after a key that does not exist").containsExactly(key("l/b/c"), key("l/b/d"), key("l/e"));
    assertThat(keysOf(provider().list(prefix, Optional.of(key("a")), 1000)))
        .as("after a key before the prefix").containsExactlyElementsOf(keys(FOLDER));
    ObjectPage last = provider().list(prefix, Optional.of(key("l/e")), 1000);
    assertThat(last.objects()).as("after the last key").isEmpty();
    assertThat(last.next()).isEmpty();
  }

  @Test
  void list_prefixWithSlash_returnsOnlyThatFolder() {
    writeListingFixture();
    assertThat(listKeys(key("l/"), 1000)).containsExactlyElementsOf(keys(FOLDER));
    assertThat(listKeys(key("l/b/"), 1000)).containsExactly(key("l/b/c"), key("l/b/d"));
  }

  @Test
  void list_prefixWithoutSlash_matchesTheStartOfKeys() {
    writeListingFixture();
    List<String> expected = Stream.concat(FOLDER.stream(), AROUND.stream())
        .filter(k -> k.startsWith("l")).map(this::key).sorted().toList();
    assertThat(listKeys(key("l"), 2)).containsExactlyElementsOf(expected);
    assertThat(listKeys(key("l/b"), 1000)).containsExactly(key("l/b/c"), key("l/b/d"));
    assertThat(listKeys(key("l/b/c"), 1000)).containsExactly(key("l/b/c"));
  }

  @Test
  void list_unknownPrefix_isEmpty() {
    writeListingFixture();
    ObjectPage page = provider().list(key("nothing/here/"), Optional.empty(), 10);
    assertThat(page.objects()).isEmpty();
    assertThat(page.next()).isEmpty();
    assertThat(listKeys(key("l/b/c/"), 10)).as("a key used as a folder").isEmpty();
  }

  @Test
  void list_objects_carryTheirSizesAndStatAgrees() {
    writeListingFixture();
    for (ObjectInfo info : listAll(key("l"), 1000)) {
      assertThat(info.size()).as("listed size of %s", info.key()).isEqualTo(sizeOf(info.key()));
      assertThat(provider().stat(info.key()).size()).as("stat size of %s", info.key()).isEqualTo(info.size());
    }
  }

  @Test
  void delete_missingKey_succeeds() {
    provider().delete(key("never/written"));
    provider().delete(key("never-written"));
    assertThat(listKeys(root(), 1000)).isEmpty();
  }

  @Test
  void delete_existing_disappearsFromStatAndList() {
    writeListingFixture();
    provider().delete(key("l/b/c"));
    provider().delete(key("l/e"));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("l/b/c")));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("l/e"), Optional.empty()));
    assertThat(listKeys(key("l/"), 1)).containsExactly(key("l/a"), key("l/b/d"));
    provider().delete(key("l/e"));
  }

  @Test
  void delete_folderNameOfExistingKey_succeedsAndKeepsTheKey() {
    byte[] data = Bytes.random(10, 2);
    put(key("d/sub/x"), data);
    provider().delete(key("d/sub"));
    provider().delete(key("d"));
    Bytes.assertSame(read(key("d/sub/x")), data, "object under the deleted folder name");
    assertThat(listKeys(key("d/"), 1000)).containsExactly(key("d/sub/x"));
  }

  @Test
  void delete_keyUnderAnObject_succeedsAndKeepsTheObject() {
    byte[] data = Bytes.random(10, 3);
    put(key("obj"), data);
    provider().delete(key("obj/child"));
    provider().delete(key("obj/child/deeper"));
    Bytes.assertSame(read(key("obj")), data, "object after deleting keys under it");
  }

  private void writeListingFixture() {
    Stream.concat(FOLDER.stream(), AROUND.stream()).forEach(k -> put(key(k), Bytes.random(sizeOf(key(k)), k.hashCode())));
  }

  /** Each fixture object's size differs, so sizes can be told apart in listings. */
  private int sizeOf(String key) {
    return 1 + Math.floorMod(key.substring(root().length()).hashCode(), 97);
  }

  private List<String> keys(List<String> names) {
    return names.stream().map(this::key).toList();
  }

  private static List<String> keysOf(ObjectPage page) {
    return page.objects().stream().map(ObjectInfo::key).toList();
  }
}
