package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code nodes} profile: two sample servers on one PostgreSQL and one S3 bucket, as a
 * deployment of several nodes runs them. What one does, the other serves and pushes.
 */
class NodesProfileIT {

  @Test
  void twoServersOnOneDatabaseAndBucket_seeEachOthersChanges() throws Exception {
    try (TestDatabase db = PostgresFixture.create(); S3MockFixture s3 = S3MockFixture.create()) {
      S3Bucket bucket = s3.freshBucket();
      Map<String, Object> env = new HashMap<>();
      env.put("STOCKAGE_DEMO_PASSWORD", "s3cret");
      env.put("SERVER_PORT", "0");
      env.put("stockage.data-dir", Path.of("target", "nodes-" + System.nanoTime()).toAbsolutePath().toString());
      env.put("STOCKAGE_DB_URL", db.jdbcUrl());
      env.put("STOCKAGE_DB_USER", db.user());
      env.put("STOCKAGE_DB_PASSWORD", db.password());
      env.put("STOCKAGE_S3_ENDPOINT", bucket.endpoint().toString());
      env.put("STOCKAGE_S3_REGION", bucket.region());
      env.put("STOCKAGE_S3_BUCKET", bucket.name());
      env.put("STOCKAGE_S3_PREFIX", bucket.prefix());
      env.put("STOCKAGE_S3_PATH_STYLE", "true");
      env.put("STOCKAGE_S3_ACCESS_KEY", bucket.accessKey());
      env.put("STOCKAGE_S3_SECRET_KEY", bucket.secretKey());
      env.put("STOCKAGE_SIGNING_KEY_ID", "k1");
      env.put("STOCKAGE_SIGNING_KEY_SECRET", Base64.getEncoder().encodeToString(new byte[32]));
      env.put("STOCKAGE_WOPI_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
      String locked;
      try (ConfigurableApplicationContext a = start(env); ConfigurableApplicationContext b = start(env)) {
        Http nodeA = new Http(port(a), "s3cret");
        Http nodeB = new Http(port(b), "s3cret");
        String cursor = ServerIT.member(nodeB.get("carol", "/api/v1/changes").body(), "next");
        try (ChangesApiIT.Sse stream = ChangesApiIT.Sse.open(nodeB, "carol", "/api/v1/changes/stream?cursor=" + cursor,
            null)) {
          byte[] pdf = Samples.pdf("uploaded on node A");
          HttpResponse<String> created = nodeA.upload("bob", "bridge", "on-node-a.pdf", pdf);
          assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
          String id = ServerIT.member(created.body(), "id");

          List<ChangesApiIT.Sse.Event> pushed = stream.events(1);
          assertThat(ServerIT.member(pushed.get(0).data(), "item")).as("node B pushes node A's upload").isEqualTo(id);
          assertThat(nodeB.get("carol", "/api/v1/changes?cursor=" + cursor).body()).contains(id);
          assertThat(nodeB.sendForBytes(nodeB.request("carol", "/api/v1/files/" + id + "/content")).body())
              .as("and serves its bytes from the shared bucket").isEqualTo(pdf);
        }
        locked = lockedOnOneSavedOnTheOther(nodeA, nodeB);
      }
      try (ConfigurableApplicationContext restarted = start(env)) {
        Http node = new Http(port(restarted), "s3cret");
        HttpResponse<String> held = node.send(node.request(null, locked).header("X-WOPI-Override", "GET_LOCK")
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(held.headers().firstValue("X-WOPI-Lock")).as("the lock outlives both servers").contains("L-A");
      }
    }
  }

  // A WOPI lock taken through node A holds on node B: a save with another lock id is refused there.
  private static String lockedOnOneSavedOnTheOther(Http nodeA, Http nodeB) {
    HttpResponse<String> created = nodeA.upload("bob", "bridge", "wopi-nodes.pdf", Samples.pdf("edited online"));
    String id = ServerIT.member(created.body(), "id");
    HttpResponse<String> issued = nodeA.send(nodeA.request("bob", "/api/v1/files/" + id + "/wopi-token")
        .POST(HttpRequest.BodyPublishers.noBody()));
    String wopi = "/wopi/files/" + id + "?access_token=" + java.net.URLEncoder.encode(
        ServerIT.member(issued.body(), "access_token"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(nodeA.send(nodeA.request(null, wopi).header("X-WOPI-Override", "LOCK").header("X-WOPI-Lock", "L-A")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = nodeB.send(nodeB.request(null, wopi.replace("?", "/contents?"))
        .header("X-WOPI-Lock", "L-B").POST(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("from B"))));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("X-WOPI-Lock")).contains("L-A");
    assertThat(nodeB.send(nodeB.request(null, wopi.replace("?", "/contents?")).header("X-WOPI-Lock", "L-A")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("from B with the lock")))).statusCode()).isEqualTo(200);
    return wopi;
  }

  private static ConfigurableApplicationContext start(Map<String, Object> env) {
    return new SpringApplicationBuilder(SampleServerApplication.class).profiles("nodes").properties(env).run();
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
