package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.DirectoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Directories ({@link Capability#DIRECTORIES}), what live mounts browse: one level listed by name
 * with files and directories told apart, created with their parents, deleted with their content.
 * Without the capability, each call fails with {@code UNSUPPORTED} naming it.
 */
public abstract class DirectoriesConformance extends ConformanceSuite {

  /** For subclasses. */
  protected DirectoriesConformance() {}

  private String dir(String name) {
    String key = key(name);
    return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
  }

  @Test
  void listDirectory_oneLevel_namesFilesAndDirectories() {
    assumeSupports(Capability.DIRECTORIES);
    put(key("tree/b.pdf"), Bytes.random(300, 1));
    put(key("tree/a/inner.pdf"), Bytes.random(10, 2));
    put(key("tree/c d é.pdf"), Bytes.random(7, 3));
    List<DirectoryEntry> entries = provider().listDirectory(dir("tree"));
    assertThat(entries).extracting(DirectoryEntry::name).containsExactly("a", "b.pdf", "c d é.pdf");
    assertThat(entries.get(0).directory()).isTrue();
    assertThat(entries.get(1).directory()).isFalse();
    assertThat(entries.get(1).size()).isEqualTo(300);
    assertThat(provider().listDirectory(dir("tree/a"))).extracting(DirectoryEntry::name).containsExactly("inner.pdf");
  }

  @Test
  void listDirectory_missing_isNotFound() {
    assumeSupports(Capability.DIRECTORIES);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().listDirectory(dir("no-such-dir")));
  }

  @Test
  void createDirectory_withParents_isListedAndEmpty() {
    assumeSupports(Capability.DIRECTORIES);
    provider().createDirectory(dir("made/deep"));
    provider().createDirectory(dir("made/deep"));
    assertThat(provider().listDirectory(dir("made"))).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("deep");
      assertThat(e.directory()).isTrue();
    });
    assertThat(provider().listDirectory(dir("made/deep"))).isEmpty();
    provider().deleteDirectory(dir("made"));
  }

  @Test
  void deleteDirectory_removesItsContent_andMissingIsFine() {
    assumeSupports(Capability.DIRECTORIES);
    put(key("gone/x.pdf"), Bytes.random(5, 4));
    put(key("gone/sub/y.pdf"), Bytes.random(5, 5));
    put(key("kept.pdf"), Bytes.random(5, 6));
    provider().deleteDirectory(dir("gone"));
    assertThat(listKeys(key("gone/"), 100)).isEmpty();
    assertFails(ErrorKind.NOT_FOUND, () -> provider().listDirectory(dir("gone")));
    assertThat(read(key("kept.pdf"))).hasSize(5);
    provider().deleteDirectory(dir("never-made"));
  }

  @Test
  void directories_undeclared_areUnsupported() {
    assumeLacks(Capability.DIRECTORIES);
    assertUnsupported(Capability.DIRECTORIES, () -> provider().listDirectory(dir("x")));
    assertUnsupported(Capability.DIRECTORIES, () -> provider().createDirectory(dir("x")));
    assertUnsupported(Capability.DIRECTORIES, () -> provider().deleteDirectory(dir("x")));
  }
}
