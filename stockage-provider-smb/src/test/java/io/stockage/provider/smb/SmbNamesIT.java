package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.bytes;
import static io.stockage.provider.smb.SmbTestBase.put;
import static io.stockage.provider.smb.SmbTestBase.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.smb.SambaFixture;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names on the share: Windows' rules refused everywhere with {@code POLICY_VIOLATION}
 * ({@code INVALID_NAME}), near misses and the conformance suite's special characters accepted,
 * and Samba's default case-insensitivity declared and real.
 */
class SmbNamesIT {
  private static final List<String> REFUSED = List.of("CON", "con.txt", "Lpt9.log", "nul", "COM1.tar.gz", "aux .txt",
      "PRN/inside", "a<b", "a>b", "a:b", "a\"b", "a|b", "q?x=1&y=2", "a*b", "trailing.", "trailing ", "dot./inside",
      "x".repeat(256));
  private static final List<String> ACCEPTED = List.of("console.txt", "COM10", "LPT0", "CONx", ".hidden", "a.b.c",
      "x".repeat(255), "é".repeat(127));
  /** The conformance suite's special names, but the one with '?'. */
  private static final List<String> SPECIAL = List.of("with space.txt", "é.txt", "日本/語.txt", "emoji-😀.bin",
      "100%.txt", "%41.txt", "a%2Fb.txt", "a+b.txt", "#hash.txt", "semi;colon,comma", "tilde~'quote'.txt",
      "paren(1)[2]{3}.txt", "dollar$at@bang!.txt", "A.txt");

  private SambaFixture samba;
  private String folder;
  private SmbStorageProvider provider;

  @BeforeEach
  void open() {
    samba = SambaFixture.shared();
    samba.start();
    folder = "names-" + UUID.randomUUID();
    provider = SmbTestBase.provider(samba, folder, b -> { });
  }

  @AfterEach
  void close() {
    provider.close();
    try (SmbStorageProvider root = SmbTestBase.provider(samba, "", b -> { })) {
      root.deleteDirectory(folder);
    }
  }

  @Test
  void calls_windowsForbiddenNames_arePolicyViolationsEverywhere() {
    put(provider, "valid", bytes(10, 1));
    for (String name : REFUSED) {
      String key = "dir/" + name;
      assertRefused(key, () -> put(provider, key, bytes(10, 2)));
      assertRefused(key, () -> provider.stat(key));
      assertRefused(key, () -> provider.read(key, Optional.empty()));
      assertRefused(key, () -> provider.delete(key));
      assertRefused(key, () -> provider.copy("valid", key));
      assertRefused(key, () -> provider.copy(key, "valid"));
      assertRefused(key, () -> provider.move("valid", key));
      assertRefused(key, () -> provider.createDirectory(key));
      assertRefused(key, () -> provider.listDirectory(key));
      assertRefused(key, () -> provider.deleteDirectory(key));
    }
    assertThat(new File(samba.shareDirectory().toFile(), folder).list()).containsExactly("valid");
  }

  @Test
  void write_nearMissesOfForbiddenNames_roundTrip() {
    for (int i = 0; i < ACCEPTED.size(); i++) {
      put(provider, "ok/" + ACCEPTED.get(i), bytes(i + 1, i));
      assertThat(read(provider, "ok/" + ACCEPTED.get(i))).isEqualTo(bytes(i + 1, i));
    }
  }

  @Test
  void keys_specialCharactersSmbCanName_roundTripAndList() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < SPECIAL.size(); i++) {
      String key = "chars/" + SPECIAL.get(i);
      keys.add(key);
      put(provider, key, bytes(10 + i, i));
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(provider.stat(keys.get(i)).size()).isEqualTo(10 + i);
      assertThat(read(provider, keys.get(i))).isEqualTo(bytes(10 + i, i));
    }
    List<String> listed = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      var page = provider.list("chars/", after, 4);
      page.objects().stream().map(ObjectInfo::key).forEach(listed::add);
      after = page.next();
    } while (after.isPresent());
    assertThat(listed).containsExactlyElementsOf(keys.stream().sorted().toList());
  }

  @Test
  void keys_differingInCase_nameOneFileOnSambasDefaultShare() {
    assertThat(provider.capabilities().supports(Capability.CASE_INSENSITIVE_NAMES)).isTrue();
    put(provider, "Case/Report.PDF", bytes(10, 3));
    assertThat(provider.stat("case/report.pdf").size()).isEqualTo(10);
    put(provider, "CASE/REPORT.pdf", bytes(20, 4));
    assertThat(read(provider, "Case/Report.PDF")).isEqualTo(bytes(20, 4));
    assertThat(new File(samba.shareDirectory().toFile(), folder + "/Case").list()).containsExactly("Report.PDF");
  }

  @Test
  void list_prefixWithForbiddenNames_isEmpty() {
    put(provider, "x/a", bytes(1, 5));
    assertThat(provider.list("x?/", Optional.empty(), 10).objects()).isEmpty();
    assertThat(provider.list("x/a?", Optional.empty(), 10).objects()).isEmpty();
    assertThat(provider.list("CON/", Optional.empty(), 10).objects()).isEmpty();
  }

  @Test
  void write_conditional_isUnsupported() {
    StockageException e = SmbTestBase.assertKind(ErrorKind.UNSUPPORTED, () -> provider.write("c",
        new ByteArrayInputStream(new byte[1]), WriteOptions.defaults().onlyIfAbsent()));
    assertThat(e.capability()).contains(Capability.WRITE_CONDITIONAL);
  }

  private static void assertRefused(String key, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("call with key '%s'", key).isInstanceOf(StockageException.class);
    StockageException e = (StockageException) thrown;
    assertThat(e.kind()).as("kind for '%s': %s", key, e).isEqualTo(ErrorKind.POLICY_VIOLATION);
    assertThat(e.reason()).as("reason for '%s'", key).contains(PolicyReason.INVALID_NAME);
  }
}
