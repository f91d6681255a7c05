package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Keys ({@link io.stockage.spi.storage.ObjectKeys}): characters that URLs and file systems treat
 * specially, case, the longest key {@code Limits.maxKeyLength()} allows, malformed keys refused
 * with {@code INVALID_ARGUMENT} by every operation, and keys that are another key's folder.
 */
public abstract class KeysConformance extends ConformanceSuite {
  /** Characters Windows reserves in names, refused by providers with {@code WINDOWS_NAMES}. */
  private static final java.util.regex.Pattern WINDOWS_RESERVED = java.util.regex.Pattern.compile("[<>:\"|?*]");

  /** Spaces, Unicode, and what URL encoders and shells get wrong; none sorts differently in UTF-8 and UTF-16. */
  private static final List<String> SPECIAL = List.of(
      "with space.txt", "é.txt", "日本/語.txt", "emoji-😀.bin", "100%.txt", "%41.txt", "a%2Fb.txt",
      "a+b.txt", "#hash.txt", "q?x=1&y=2", "semi;colon,comma", "tilde~'quote'.txt", "paren(1)[2]{3}.txt",
      "dollar$at@bang!.txt", "A.txt");

  /** For subclasses. */
  protected KeysConformance() {}

  @Test
  void keys_specialCharacters_roundTripAndList() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < SPECIAL.size(); i++) {
      String key = key("chars/" + SPECIAL.get(i));
      if (supports(Capability.WINDOWS_NAMES) && WINDOWS_RESERVED.matcher(SPECIAL.get(i)).find()) {
        int size = 10 + i;
        StockageException e = assertFails(ErrorKind.POLICY_VIOLATION, () -> put(key, Bytes.random(size, 0)));
        assertThat(e.reason()).as("refusal of %s", key).contains(io.stockage.PolicyReason.INVALID_NAME);
        continue;
      }
      keys.add(key);
      put(key, Bytes.random(10 + i, i));
    }
    for (String key : keys) {
      int i = SPECIAL.indexOf(key.substring(key("chars/").length()));
      assertThat(provider().stat(key).size()).as("size of %s", key).isEqualTo(10 + i);
      assertThat(provider().stat(key).key()).isEqualTo(key);
      Bytes.assertSame(read(key), Bytes.random(10 + i, i), key);
    }
    assertThat(listKeys(key("chars/"), 4)).containsExactlyElementsOf(keys.stream().sorted().toList());
  }

  @Test
  void keys_differingInCase_areDistinctUnlessCaseInsensitive() {
    put(key("Case.txt"), Bytes.random(10, 1));
    if (supports(Capability.CASE_INSENSITIVE_NAMES)) {
      assertThat(provider().stat(key("case.txt")).size()).isEqualTo(10);
    } else {
      assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("case.txt")));
      put(key("case.txt"), Bytes.random(20, 2));
      assertThat(provider().stat(key("Case.txt")).size()).isEqualTo(10);
      assertThat(provider().stat(key("case.txt")).size()).isEqualTo(20);
    }
  }

  @Test
  void keys_ofMaxLength_areAccepted() {
    String key = keyOfLength(capabilities().limits().maxKeyLength());
    byte[] data = Bytes.random(10, 3);
    put(key, data);
    Bytes.assertSame(read(key), data, "object with the longest key");
    assertThat(listKeys(key, 10)).containsExactly(key);
  }

  @Test
  void keys_longerThanMax_areInvalidArgument() {
    String key = keyOfLength(capabilities().limits().maxKeyLength() + 1);
    assertFails(ErrorKind.INVALID_ARGUMENT, () -> put(key, new byte[1]));
    assertFails(ErrorKind.INVALID_ARGUMENT, () -> provider().stat(key));
  }

  @Test
  void keys_malformed_areInvalidArgumentEverywhere() {
    String valid = key("valid");
    put(valid, Bytes.random(10, 4));
    for (String bad : List.of("", "../x", key("../x"), key("a/../../x"), "/abs", "/" + key("abs"), "a//b",
        key("a//b"), key("a/"), key("./x"), key("a\\b"), key("nul\u0000"), key("line\nfeed"))) {
      assertInvalid(bad, () -> provider().stat(bad));
      assertInvalid(bad, () -> provider().read(bad, Optional.empty()));
      assertInvalid(bad, () -> provider().write(bad, new ByteArrayInputStream(new byte[1]), WriteOptions.defaults()));
      assertInvalid(bad, () -> provider().delete(bad));
      assertInvalid(bad, () -> provider().copy(bad, key("copy-target")));
      assertInvalid(bad, () -> provider().copy(valid, bad));
      assertInvalid(bad, () -> provider().move(bad, key("move-target")));
      assertInvalid(bad, () -> provider().move(valid, bad));
    }
    for (String badPrefix : List.of("../x", "/abs", "a//b/", key("../"), key("a//"))) {
      assertInvalid(badPrefix, () -> provider().list(badPrefix, Optional.empty(), 10));
    }
    assertThat(listKeys(root(), 1000)).as("objects after refused calls").containsExactly(valid);
  }

  @Test
  void write_keyNestedUnderAnObject_succeedsOrConflicts() {
    byte[] parent = Bytes.random(10, 5);
    byte[] child = Bytes.random(20, 6);
    put(key("n/obj"), parent);
    if (writeOrConflict(key("n/obj/child"), child)) {
      Bytes.assertSame(read(key("n/obj/child")), child, "object under an object's key");
    } else {
      assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("n/obj/child")));
    }
    Bytes.assertSame(read(key("n/obj")), parent, "object whose key became a folder");
  }

  @Test
  void write_keyNamingAFolder_succeedsOrConflicts() {
    byte[] child = Bytes.random(20, 7);
    byte[] folder = Bytes.random(10, 8);
    put(key("f/dir/child"), child);
    if (writeOrConflict(key("f/dir"), folder)) {
      Bytes.assertSame(read(key("f/dir")), folder, "object named like a folder");
    } else {
      assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("f/dir")));
    }
    Bytes.assertSame(read(key("f/dir/child")), child, "object in the folder");
  }

  /**
   * Writes, returning false when the provider refuses with {@code CONFLICT}: a flat store holds
   * both {@code a} and {@code a/b}; one on a hierarchical file system cannot, and must say so
   * with that kind rather than fail otherwise or lose either object.
   */
  private boolean writeOrConflict(String key, byte[] data) {
    Throwable thrown = catchThrowable(() -> put(key, data));
    if (thrown == null) {
      return true;
    }
    assertThat(thrown).as("a write colliding with a folder").isInstanceOf(StockageException.class);
    assertThat(((StockageException) thrown).kind()).as("kind of %s", thrown).isEqualTo(ErrorKind.CONFLICT);
    return false;
  }

  /** A key under the root of exactly {@code bytes} UTF-8 bytes, in segments of 100 bytes at most. */
  private String keyOfLength(int bytes) {
    StringBuilder key = new StringBuilder(key("long/"));
    int remaining = bytes - key.toString().getBytes(StandardCharsets.UTF_8).length;
    while (remaining > 100) {
      key.append("a".repeat(99)).append('/');
      remaining -= 100;
    }
    return key.append("b".repeat(remaining)).toString();
  }

  private static void assertInvalid(String key, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("call with key '%s'", key).isInstanceOf(StockageException.class);
    assertThat(((StockageException) thrown).kind()).as("kind for key '%s': %s", key, thrown)
        .isEqualTo(ErrorKind.INVALID_ARGUMENT);
  }
}
