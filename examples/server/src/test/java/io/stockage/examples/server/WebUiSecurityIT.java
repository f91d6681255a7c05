package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's way in beside the API's: the sign-in form gives a session; a request that changes
 * something on the session alone needs its CSRF token; API clients with Basic need none and never
 * get a session; pages send anonymous browsers to the form, the API answers 401.
 */
class WebUiSecurityIT extends ServerIT {
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void anonymous_pageRedirectsToTheForm_apiAnswers401_andTheUisCallsGetNoChallenge() throws Exception {
    HttpResponse<String> page = browser.send(get("/projects").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/api/v1/projects")).GET());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");

    HttpResponse<String> xhr = http.send(HttpRequest.newBuilder(uri("/api/v1/projects"))
        .header("X-Requested-With", "XMLHttpRequest").GET());
    assertThat(xhr.statusCode()).isEqualTo(401);
    assertThat(xhr.headers().firstValue("WWW-Authenticate")).as("no browser prompt").isEmpty();
  }

  @Test
  void signedIn_sessionCallsNeedTheToken_basicCallsNeitherNeedOneNorGetASession() throws Exception {
    assertThat(signIn("carol", "wrong").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    HttpResponse<String> signedIn = signIn("alice", "s3cret");
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/projects");
    HttpResponse<String> shell = browser.send(get("/projects").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(shell.statusCode()).isEqualTo(200);
    assertThat(shell.body()).contains("<meta name=\"user\" content=\"alice\">").contains("/app/main.js");
    String token = find(TOKEN, shell.body());

    String folder = "{\"name\": \"ui-" + System.nanoTime() + "\"}";
    HttpResponse<String> forged = browser.send(post("/api/v1/projects/bridge/folders", folder).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as("the session alone, as another site's page would send it").isEqualTo(403);
    HttpResponse<String> withToken = browser.send(post("/api/v1/projects/bridge/folders", folder)
        .header("X-CSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

    HttpResponse<String> basic = http.json("alice", "POST", "/api/v1/projects/bridge/folders",
        "{\"name\": \"api-" + System.nanoTime() + "\"}");
    assertThat(basic.statusCode()).as(basic.body()).isEqualTo(201);
    assertThat(basic.headers().firstValue("Set-Cookie")).as("Basic stays stateless").isEmpty();
    assertThat(http.get("alice", "/api/v1/projects").headers().firstValue("Set-Cookie")).isEmpty();
  }

  private HttpResponse<String> signIn(String user, String password) throws Exception {
    String form = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
    String body = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(find(FORM_TOKEN, form), StandardCharsets.UTF_8);
    HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer;
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String find(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }
}
