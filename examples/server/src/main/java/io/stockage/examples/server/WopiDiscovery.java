package io.stockage.examples.server;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A WOPI client's discovery document ({@code stockage.wopi.discovery}: a URL, or a file): which
 * action URL opens a file of a type (by extension, or by MIME type as Collabora lists them), and
 * the proof keys its requests are signed with. Read once and kept; a URL is fetched again after an
 * hour (a WOPI client rotates its keys).
 */
final class WopiDiscovery {
  private static final Duration KEEP = Duration.ofHours(1);
  private static final List<String> ACTIONS = List.of("edit", "view", "view_comment", "embedview");

  private final String location;
  private volatile Parsed parsed;
  private volatile long readAt;

  private WopiDiscovery(String location) {
    this.location = location;
  }

  /** The discovery at a URL or a file path; none when {@code location} is blank. */
  static Optional<WopiDiscovery> at(String location) {
    return location == null || location.isBlank() ? Optional.empty() : Optional.of(new WopiDiscovery(location.strip()));
  }

  /** The public keys: the current one, then the old one while the client rotates. */
  List<PublicKey> proofKeys() {
    return parsed().keys();
  }

  /** The URL that opens the file in the WOPI client, when it has an action for the type. */
  Optional<String> actionUrl(String extension, String mimeType, String wopiSrc) {
    for (String name : ACTIONS) {
      for (Action a : parsed().actions()) {
        if (a.name().equals(name) && (a.ext().equalsIgnoreCase(extension) || a.app().equalsIgnoreCase(mimeType))) {
          return Optional.of(withSource(a.urlsrc(), wopiSrc));
        }
      }
    }
    return Optional.empty();
  }

  // urlsrc carries optional parameters in <...>: dropped; WOPISrc is added.
  private static String withSource(String urlsrc, String wopiSrc) {
    String base = urlsrc.replaceAll("<[^>]*>", "");
    String sep = base.endsWith("?") || base.endsWith("&") ? "" : base.contains("?") ? "&" : "?";
    return base + sep + "WOPISrc=" + URLEncoder.encode(wopiSrc, StandardCharsets.UTF_8);
  }

  private record Action(String app, String name, String ext, String urlsrc) {}

  private record Parsed(List<Action> actions, List<PublicKey> keys) {}

  private Parsed parsed() {
    Parsed current = parsed;
    boolean remote = location.startsWith("http://") || location.startsWith("https://");
    if (current == null || (remote && System.nanoTime() - readAt > KEEP.toNanos())) {
      synchronized (this) {
        current = read();
        parsed = current;
        readAt = System.nanoTime();
      }
    }
    return current;
  }

  private Parsed read() {
    try (InputStream in = open()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(in);
      List<Action> actions = new ArrayList<>();
      NodeList apps = doc.getElementsByTagName("app");
      for (int i = 0; i < apps.getLength(); i++) {
        Element app = (Element) apps.item(i);
        NodeList list = app.getElementsByTagName("action");
        for (int j = 0; j < list.getLength(); j++) {
          Element action = (Element) list.item(j);
          actions.add(new Action(app.getAttribute("name"), action.getAttribute("name").toLowerCase(Locale.ROOT),
              action.getAttribute("ext"), action.getAttribute("urlsrc")));
        }
      }
      List<PublicKey> keys = new ArrayList<>();
      NodeList proof = doc.getElementsByTagName("proof-key");
      if (proof.getLength() > 0) {
        Element key = (Element) proof.item(0);
        rsa(key.getAttribute("modulus"), key.getAttribute("exponent")).ifPresent(keys::add);
        rsa(key.getAttribute("oldmodulus"), key.getAttribute("oldexponent")).ifPresent(keys::add);
      }
      return new Parsed(List.copyOf(actions), List.copyOf(keys));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the WOPI discovery at " + location + ": " + e, e);
    }
  }

  private InputStream open() throws IOException, InterruptedException {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      return response.body();
    }
    return Files.newInputStream(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
  }

  /** An RSA public key from the base64 modulus and exponent of a discovery document. */
  static Optional<PublicKey> rsa(String modulus, String exponent) {
    if (modulus == null || modulus.isBlank() || exponent == null || exponent.isBlank()) {
      return Optional.empty();
    }
    try {
      BigInteger n = new BigInteger(1, Base64.getDecoder().decode(modulus));
      BigInteger e = new BigInteger(1, Base64.getDecoder().decode(exponent));
      return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
    } catch (Exception e) {
      throw new IllegalStateException("the discovery's proof key is not an RSA key: " + e, e);
    }
  }
}
