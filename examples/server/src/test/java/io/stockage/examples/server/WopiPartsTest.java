package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WOPI host's parts that need no server: UTF-7 names, discovery documents, tokens, file ids. */
class WopiPartsTest {

  @Test
  void utf7_decodesWhatWopiClientsSend() {
    assertThat(Utf7.decode("Plan")).isEqualTo("Plan");
    assertThat(Utf7.decode("R+AOk-sum+AOk-")).isEqualTo("Résumé");
    assertThat(Utf7.decode("1 +- 1")).isEqualTo("1 + 1");
    assertThat(Utf7.decode("+ZeVnLIqe-")).isEqualTo("日本語");
  }

  @Test
  void discovery_givesActionUrlsByExtensionOrType_andItsProofKeys(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("discovery.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="utf-8"?>
        <wopi-discovery>
          <net-zone name="external-http">
            <app name="application/pdf">
              <action name="view" ext="" urlsrc="https://office.example/browser/1/cool.html?"/>
            </app>
            <app name="writer">
              <action name="edit" ext="odt" urlsrc="https://office.example/browser/1/cool.html?&lt;ui=UI_LLCC&amp;&gt;"/>
            </app>
          </net-zone>
          <proof-key exponent="AQAB" modulus="0HOWUPFFgmSYHbLZZzdWO/HUOr8YNfx5NAl7GUytooHZ7B9QxQKTJpj0NIJ4XEskQW8e4dLzRrPbNOOJ+KpWHttXz8HoQXkkZV/gYNxaNHJ8/pRXGMZzfVM5vchhx/2C7ULPTrpBsSpmfWQ6ShaVoQzfThFUd0MsBvIN7HVtqzPx9jbSV04wAqyNjcro7F3iu9w7AEsMejHbFlWoN+J05dP5ixryF7+2U5RVmjMt7/dYUdCoiXvCMt2CaVr0XEG6udHU4iDKVKZjmUBc7cTWRzhqEL7lZ1yQfylp38Nd2xxVJ0sSU7OkC1bBDlePcYGaF3JjJgsmp/H5BNnlW9gSxQ==" oldexponent="" oldmodulus=""/>
        </wopi-discovery>
        """);
    WopiDiscovery discovery = WopiDiscovery.at(xml.toString()).orElseThrow();
    assertThat(discovery.actionUrl("pdf", "application/pdf", "http://host/wopi/files/1")).contains(
        "https://office.example/browser/1/cool.html?WOPISrc=http%3A%2F%2Fhost%2Fwopi%2Ffiles%2F1");
    assertThat(discovery.actionUrl("odt", "", "http://host/wopi/files/2")).contains(
        "https://office.example/browser/1/cool.html?WOPISrc=http%3A%2F%2Fhost%2Fwopi%2Ffiles%2F2");
    assertThat(discovery.actionUrl("stl", "model/stl", "http://host/wopi/files/3")).isEmpty();
    assertThat(discovery.proofKeys()).hasSize(1);
    assertThat(WopiDiscovery.at(" ")).isEmpty();
  }

  @Test
  void tokens_areBoundToTheirFile_signed_andExpire() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    WopiTokens tokens = new WopiTokens(new byte[32], Duration.ofHours(10), now::get);
    WopiTokens.Issued issued = tokens.issue("bob", "f1");
    assertThat(tokens.verify(issued.token(), "f1")).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo("bob"));
    assertThat(tokens.verify(issued.token(), "f2")).isEmpty();
    String forged = issued.token().substring(0, issued.token().indexOf('.')) + ".AAAA";
    assertThat(tokens.verify(forged, "f1")).isEmpty();
    assertThat(new WopiTokens(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
        23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, Duration.ofHours(10), now::get).verify(issued.token(), "f1"))
        .as("another node's key").isEmpty();
    now.set(now.get().plus(Duration.ofHours(10)));
    assertThat(tokens.verify(issued.token(), "f1")).isEmpty();
    assertThat(tokens.verify(null, "f1")).isEmpty();
    assertThat(tokens.verify("garbage", "f1")).isEmpty();
  }

  @Test
  void fileIds_nameAManagedFileOrALiveMountsPath() {
    String live = WopiFile.liveId("share", "docs/plan é.pdf");
    assertThat(WopiFile.parse(live)).contains(new WopiFile.Live("share", "docs/plan é.pdf"));
    assertThat(live).matches("live\\.[A-Za-z0-9_-]+");
    assertThat(WopiFile.parse("2b0b5c5e-0d7c-4d3b-9a43-8a0f1f0c1d2e")).hasValueSatisfying(f ->
        assertThat(f).isInstanceOf(WopiFile.Managed.class));
    assertThat(WopiFile.parse("not-an-id")).isEmpty();
    assertThat(WopiFile.parse("live.%%%")).isEmpty();
  }
}
