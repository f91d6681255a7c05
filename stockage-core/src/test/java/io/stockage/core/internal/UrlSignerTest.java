package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UserId;
import io.stockage.core.SigningKey;
import io.stockage.core.SigningKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UrlSignerTest {
  private static final URI BASE = URI.create("https://files.example.com/app/");
  private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  private static final Subject CAROL = Subject.of("acme", "carol");
  private static final ItemId ITEM = ItemId.of(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
  private static final SigningKey OLD = key("k1", 1);
  private static final SigningKey NEW = key("k2", 2);

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final InstantSource clock = now::get;

  private static SigningKey key(String id, int fill) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) fill);
    return new SigningKey(id, secret);
  }

  private UrlSigner signer(SigningKeys keys) {
    return new UrlSigner(keys, BASE, clock);
  }

  private static UrlSigner.Grant grant(Subject subject, int revision, Instant expiresAt) {
    return new UrlSigner.Grant(subject, ITEM, revision, expiresAt);
  }

  private URI signed(SigningKeys keys) {
    return signer(keys).sign(grant(CAROL, 3, NOW.plusSeconds(300)));
  }

  @Test
  void sign_thenVerify_returnsTheGrant() {
    URI url = signed(SigningKeys.of(NEW));
    assertThat(url.toString()).startsWith("https://files.example.com/app/api/v1/signed/" + ITEM
        + "?org=acme&rev=3&sub=carol&perm=&exp=" + NOW.plusSeconds(300).getEpochSecond() + "&kid=k2&sig=");
    assertThat(signer(SigningKeys.of(NEW)).verify(url).grant()).contains(grant(CAROL, 3, NOW.plusSeconds(300)));
  }

  @Test
  void verify_anyCharacterOfTheUrlChanged_isRefused() {
    URI url = signed(SigningKeys.of(NEW));
    String text = url.toString();
    int pathStart = text.indexOf("/api/v1/signed/") + "/api/v1/signed/".length();
    for (int i = pathStart; i < text.length(); i++) {
      for (char replacement : new char[] {'0', '9', 'a', 'Z', '-', '_', '%', '+'}) {
        if (text.charAt(i) == replacement) {
          continue;
        }
        String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
        URI parsed;
        try {
          parsed = URI.create(tampered);
        } catch (IllegalArgumentException notAUri) {
          continue;
        }
        assertThat(signer(SigningKeys.of(NEW)).verify(parsed).grant()).as(tampered).isEmpty();
      }
    }
  }

  @Test
  void verify_eachSignatureByteFlipped_isRefused() {
    URI url = signed(SigningKeys.of(NEW));
    String text = url.toString();
    String sig = text.substring(text.indexOf("&sig=") + 5);
    byte[] bytes = java.util.Base64.getUrlDecoder().decode(sig);
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 1;
      String other = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
      URI tampered = URI.create(text.substring(0, text.indexOf("&sig=") + 5) + other);
      assertThat(signer(SigningKeys.of(NEW)).verify(tampered).grant()).as("byte " + i).isEmpty();
    }
  }

  @Test
  void verify_otherSpellingsOfTheSameValues_areRefused() {
    String text = signed(SigningKeys.of(NEW)).toString();
    for (String tampered : new String[] {text.replace("rev=3", "rev=03"), text.replace("rev=3", "rev=%33"),
        text.replace("sub=carol", "sub=%63arol"), text.replace("exp=", "exp=0"), text + "&x=1",
        text.replace(ITEM.toString(), ITEM.toString().toUpperCase(java.util.Locale.ROOT)),
        text.replace("&rev=3&sub=carol", "&sub=carol&rev=3"), text.replace("&kid=k2", ""),
        text.replace("exp=", "exp=999999999999999999"), text.replace("rev=3", "rev=99999999999"),
        text.substring(0, text.indexOf('?'))}) {
      assertThat(signer(SigningKeys.of(NEW)).verify(URI.create(tampered)).grant()).as(tampered).isEmpty();
    }
  }

  @Test
  void verify_changedValuesWithTheOriginalSignature_areRefused() {
    String text = signed(SigningKeys.of(NEW)).toString();
    long exp = NOW.plusSeconds(300).getEpochSecond();
    for (String tampered : new String[] {text.replace("rev=3", "rev=4"), text.replace("sub=carol", "sub=bob"),
        text.replace("exp=" + exp, "exp=" + (exp + 1)), text.replace("kid=k2", "kid=k1"),
        text.replace(ITEM.toString(), UUID.randomUUID().toString())}) {
      assertThat(signer(SigningKeys.of(NEW, OLD)).verify(URI.create(tampered)).grant()).as(tampered).isEmpty();
    }
  }

  @Test
  void verify_anotherIssuerOrganizationOrPermissions_isRefused() {
    String text = signed(SigningKeys.of(NEW)).toString();
    for (String tampered : new String[] {text.replace("org=acme", "org=globex"), text.replace("perm=", "perm=VIEW"),
        text.replace("perm=", "perm=ADMIN")}) {
      assertThat(signer(SigningKeys.of(NEW)).verify(URI.create(tampered)).grant()).as(tampered).isEmpty();
    }
  }

  @Test
  void verify_permissionsOnlyInTheirOwnSpelling() {
    Subject admin = new Subject(OrgId.of("acme"), UserId.of("alice"),
        java.util.EnumSet.of(io.stockage.OrgPermission.ADMIN, io.stockage.OrgPermission.VIEW));
    URI url = signer(SigningKeys.of(NEW)).sign(grant(admin, 1, NOW.plusSeconds(60)));
    assertThat(url.toString()).contains("&perm=VIEW%2CADMIN&");
    assertThat(signer(SigningKeys.of(NEW)).verify(url).grant().orElseThrow().issuer()).isEqualTo(admin);
    URI reordered = URI.create(url.toString().replace("VIEW%2CADMIN", "ADMIN%2CVIEW"));
    assertThat(signer(SigningKeys.of(NEW)).verify(reordered).grant()).isEmpty();
  }

  @Test
  void verify_refusal_namesTheItemAndWhy() {
    URI url = signed(SigningKeys.of(NEW));
    UrlSigner.Checked tampered = signer(SigningKeys.of(NEW)).verify(URI.create(url.toString().replace("rev=3", "rev=4")));
    assertThat(tampered.item()).contains(ITEM);
    assertThat(tampered.problem()).isEqualTo("invalid");
    now.set(NOW.plusSeconds(300));
    assertThat(signer(SigningKeys.of(NEW)).verify(url).problem()).isEqualTo("expired");
    assertThat(signer(SigningKeys.of(NEW)).verify(URI.create("https://x/api/v1/signed/nope?x")).item()).isEmpty();
  }

  @Test
  void verify_atOrAfterExpiry_isRefused() {
    URI url = signed(SigningKeys.of(NEW));
    now.set(NOW.plusSeconds(299));
    assertThat(signer(SigningKeys.of(NEW)).verify(url).grant()).isPresent();
    now.set(NOW.plusSeconds(300));
    assertThat(signer(SigningKeys.of(NEW)).verify(url).grant()).isEmpty();
  }

  @Test
  void verify_rotation_oldKeyVerifiesAsSecondKeyAndFailsOnceDropped() {
    URI byOld = signed(SigningKeys.of(OLD));
    assertThat(signer(SigningKeys.of(NEW, OLD)).verify(byOld).grant()).isPresent();
    assertThat(signed(SigningKeys.of(NEW, OLD)).toString()).contains("&kid=k2&");
    assertThat(signer(SigningKeys.of(NEW)).verify(byOld).grant()).isEmpty();
  }

  @Test
  void verify_sameKeyIdWithAnotherSecret_isRefused() {
    URI url = signed(SigningKeys.of(NEW));
    assertThat(signer(SigningKeys.of(key("k2", 9))).verify(url).grant()).isEmpty();
  }

  @Test
  void signingKey_shortSecretOrBadId_isConfigInvalid() {
    assertThatThrownBy(() -> new SigningKey("k", new byte[31])).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
    assertThatThrownBy(() -> new SigningKey("a&b", new byte[32])).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
    assertThatThrownBy(() -> SigningKeys.of(NEW, key("k2", 3))).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
  }

  @Test
  void signingKey_secretIsCopiedAndHidden() {
    byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    SigningKey key = new SigningKey("k", secret);
    secret[0] = 'X';
    key.secret()[1] = 'Y';
    assertThat(key.secret()).startsWith('0', '1');
    assertThat(key.toString()).doesNotContain("0123").contains("k", "***");
    assertThat(SigningKeys.of(key).toString()).doesNotContain("0123");
  }

  @Test
  void sign_grantOfAnotherOrganization_verifiesWithIt() {
    Subject other = Subject.of("globex", "carol");
    URI url = signer(SigningKeys.of(NEW)).sign(grant(other, 1, NOW.plusSeconds(60)));
    assertThat(signer(SigningKeys.of(NEW)).verify(url).grant()).contains(grant(other, 1, NOW.plusSeconds(60)));
  }
}
