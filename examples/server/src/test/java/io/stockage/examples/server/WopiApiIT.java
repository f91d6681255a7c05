package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WOPI host, checked with the cases of Microsoft's WOPI validator (wopi-validator-core
 * {@code TestCases.xml}: the Locks, GetLock, ExtendedLockLength, EditFlows and FileVersion groups,
 * each test named after its case) ported to HTTP, since the validator needs .NET. Where the
 * validator checks less than its description says (an optional header), the port asserts what
 * the description says. The validator's .docx resources are PDFs here (the upload policy's types).
 */
class WopiApiIT extends ServerIT {
  private static final String LOCK = "LockString";
  private static final String NEW_LOCK = "NewLockString";
  private static final String WRONG_LOCK = "IncorrectLockString";
  private static final String L256 = "1234567890".repeat(25) + "123456";
  private static final String L1024 = L256.repeat(4);
  private static final String LJSON = "{\"S\":\"0136ad16-9725-43c3-9ea0-5e01d2dbc162\",\"E\":2,\"M\":\"DE997C5AC4E6\","
      + "\"P\":\"6058AF1E-A36F-4691-9003-B8E2C7F50937\"}";
  private static final byte[] BLANK = Samples.pdf("a blank document");
  private static final byte[] SIMPLE = Samples.pdf("a simple document");
  private static final byte[] COMPLEX = Samples.pdf("a complex document, ".repeat(50));

  private String file;
  private String token;

  @BeforeEach
  void file() {
    file = uploadPdf("bob", "wopi-" + System.nanoTime() + ".pdf", "opened by a WOPI client");
    token = token("bob", file);
    HttpResponse<String> info = checkFileInfo(token);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"SupportsLocks\":true", "\"SupportsGetLock\":true",
        "\"SupportsExtendedLockLength\":true", "\"SupportsUpdate\":true", "\"UserCanWrite\":true");
  }

  // --- Locks ---

  @Test
  void LockLengthValidation() {
    assertStatus(lock(L256), 200);
    assertStatus(unlock(L256), 200);
  }

  @Test
  void LockFormatValidation() {
    assertStatus(lock(LJSON), 200);
    assertStatus(unlock(LJSON), 200);
  }

  @Test
  void SuccessfulLockSequence() {
    assertStatus(lock(LOCK), 200);
    assertStatus(refresh(LOCK), 200);
    assertStatus(relock(NEW_LOCK, LOCK), 200);
    assertStatus(unlock(NEW_LOCK), 200);
  }

  @Test
  void LockMismatchAfterUnlockAndRelockRequest() {
    assertStatus(lock(LOCK), 200);
    assertStatus(relock(NEW_LOCK, LOCK), 200);
    assertMismatch(unlock(LOCK), NEW_LOCK);
    assertStatus(unlock(NEW_LOCK), 200);
  }

  @Test
  void DoubleLockSequence() {
    assertStatus(lock(LOCK), 200);
    assertStatus(lock(LOCK), 200);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void lockSeenInTheApiWithoutItsId_brokenByAnOrganizationAdmin() {
    String path = "/api/v1/files/" + file + "/lock";
    assertThat(http.get("carol", path).statusCode()).isEqualTo(404);
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> seen = http.get("carol", path);
    assertThat(seen.body()).contains("\"owner\":\"bob\"", "\"expiresAt\"").doesNotContain(LOCK);
    assertThat(http.send(http.request("bob", path).DELETE()).statusCode()).as("organization admins only").isEqualTo(403);
    assertThat(http.send(http.request("alice", path).DELETE()).statusCode()).isEqualTo(204);
    assertThat(http.get("carol", path).statusCode()).isEqualTo(404);
    assertMismatch(unlock(LOCK), "");
  }

  @Test
  void UnlockUnlockedFile() {
    assertMismatch(unlock(LOCK), "");
  }

  @Test
  void LockMismatchOnLockRequest() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(lock(WRONG_LOCK), LOCK);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void LockMismatchOnUnlockRequest() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(unlock(WRONG_LOCK), LOCK);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void LockMismatchOnRefreshLockRequest() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(refresh(WRONG_LOCK), LOCK);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void LockMismatchOnUnlockAndRelockRequest() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(relock(NEW_LOCK, WRONG_LOCK), LOCK);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void LockMismatchOnPutFileRequest() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(putFile(token, WRONG_LOCK, BLANK), LOCK);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void LockFileWithInvalidAccessToken() {
    assertThat(override("INVALID", "LOCK", LOCK, null).statusCode()).isIn(401, 404);
    assertThat(getLock().headers().firstValue("X-WOPI-Lock")).as("nothing locked").contains("");
  }

  @Test
  void UnlockFileWithInvalidAccessToken() {
    assertStatus(lock(LOCK), 200);
    assertThat(override("INVALID", "UNLOCK", LOCK, null).statusCode()).isIn(401, 404);
    assertStatus(unlock(LOCK), 200);
  }

  // --- GetLock ---

  @Test
  void files_GetLock() {
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> got = getLock();
    assertStatus(got, 200);
    assertThat(got.headers().firstValue("X-WOPI-Lock")).contains(LOCK);
    unlock(LOCK);
  }

  @Test
  void files_GetLockAfterChange() {
    assertStatus(lock(LOCK), 200);
    assertStatus(relock(NEW_LOCK, LOCK), 200);
    HttpResponse<String> got = getLock();
    assertStatus(got, 200);
    assertThat(got.headers().firstValue("X-WOPI-Lock")).contains(NEW_LOCK);
    unlock(NEW_LOCK);
  }

  @Test
  void files_GetLockOnUnlockedFile() {
    assertStatus(lock(LOCK), 200);
    assertStatus(unlock(LOCK), 200);
    HttpResponse<String> got = getLock();
    assertStatus(got, 200);
    assertThat(got.headers().firstValue("X-WOPI-Lock")).contains("");
  }

  // --- ExtendedLockLength ---

  @Test
  void files_ExtendedLockLengthValidation() {
    assertThat(checkFileInfo(token).body()).contains("\"SupportsExtendedLockLength\":true");
    assertStatus(lock(L1024), 200);
    HttpResponse<String> got = getLock();
    assertStatus(got, 200);
    assertThat(got.headers().firstValue("X-WOPI-Lock")).contains(L1024);
    assertStatus(unlock(L1024), 200);
  }

  // --- EditFlows ---

  @Test
  void BasicEdit() {
    HttpResponse<String> info = checkFileInfo(token);
    for (String required : List.of("BaseFileName", "OwnerId", "Size", "Version", "UserId")) {
      assertThat(info.body()).contains("\"" + required + "\":");
    }
    assertThat(member(info.body(), "Version")).isNotBlank();
    assertStatus(lock(LOCK), 200);
    assertThat(getFile(token).statusCode()).isEqualTo(200);
    assertStatus(putFile(token, LOCK, SIMPLE), 200);
    assertStatus(unlock(LOCK), 200);
    assertThat(getFile(token).body()).isEqualTo(SIMPLE);
  }

  @Test
  void EditNoChange() {
    assertThat(checkFileInfo(token).statusCode()).isEqualTo(200);
    assertStatus(lock(LOCK), 200);
    byte[] current = getFile(token).body();
    assertStatus(putFile(token, LOCK, current), 200);
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void PutUnlockedFile() {
    assertStatus(lock(LOCK), 200);
    assertStatus(putFile(token, LOCK, new byte[0]), 200);
    assertStatus(unlock(LOCK), 200);
    assertStatus(putFile(token, null, BLANK), 200);
    assertThat(getFile(token).body()).isEqualTo(BLANK);
  }

  @Test
  void PutUnlockedFileNotZeroBytes() {
    assertStatus(lock(LOCK), 200);
    assertStatus(putFile(token, LOCK, SIMPLE), 200);
    assertStatus(unlock(LOCK), 200);
    assertMismatch(putFile(token, null, BLANK), "");
  }

  @Test
  void GetPutFileWithInvalidAccessToken() {
    assertStatus(lock(LOCK), 200);
    assertThat(getFile("INVALID").statusCode()).isIn(401, 404);
    assertThat(getFile(token).statusCode()).isEqualTo(200);
    assertThat(putFile("INVALID", LOCK, SIMPLE).statusCode()).isIn(401, 404);
    assertStatus(putFile(token, LOCK, SIMPLE), 200);
    assertStatus(unlock(LOCK), 200);
  }

  // --- FileVersion ---

  @Test
  void files_GetFileReturnsVersion() {
    HttpResponse<byte[]> got = getFile(token);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("X-WOPI-ItemVersion")).contains(version());
  }

  @Test
  void files_LockReturnsVersion() {
    HttpResponse<String> locked = lock(LOCK);
    assertStatus(locked, 200);
    assertThat(locked.headers().firstValue("X-WOPI-ItemVersion")).contains(version());
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void files_UnlockReturnsVersion() {
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> unlocked = unlock(LOCK);
    assertStatus(unlocked, 200);
    assertThat(unlocked.headers().firstValue("X-WOPI-ItemVersion")).contains(version());
  }

  @Test
  void files_PutFileReturnsVersion() {
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> put = putFile(token, LOCK, SIMPLE);
    assertStatus(put, 200);
    assertThat(put.headers().firstValue("X-WOPI-ItemVersion")).contains(version());
    assertStatus(unlock(LOCK), 200);
  }

  @Test
  void files_PutFileReturnsDifferentVersion() {
    assertStatus(lock(LOCK), 200);
    String original = version();
    String second = putFile(token, LOCK, SIMPLE).headers().firstValue("X-WOPI-ItemVersion").orElseThrow();
    assertThat(second).isNotEqualTo(original);
    String third = putFile(token, LOCK, COMPLEX).headers().firstValue("X-WOPI-ItemVersion").orElseThrow();
    assertThat(third).isNotEqualTo(second);
    String onUnlock = unlock(LOCK).headers().firstValue("X-WOPI-ItemVersion").orElseThrow();
    assertThat(version()).isEqualTo(onUnlock).isEqualTo(third);
  }

  @Test
  void files_LockAndUnlockAfterGetFileReturnsSameVersion() {
    String original = version();
    assertThat(getFile(token).headers().firstValue("X-WOPI-ItemVersion")).contains(original);
    assertThat(lock(LOCK).headers().firstValue("X-WOPI-ItemVersion")).contains(original);
    assertThat(unlock(LOCK).headers().firstValue("X-WOPI-ItemVersion")).contains(original);
  }

  // --- Beyond the validator ---

  @Test
  void fiftyConcurrentUnlockAndRelocks_oneWins_theOthersSeeItsLock() throws Exception {
    assertStatus(lock("old"), 200);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String mine = "new-" + i;
      calls.add(pool.submit(() -> {
        go.await();
        return relock(mine, "old");
      }));
    }
    go.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> call : calls) {
      answers.add(call.get());
    }
    pool.shutdown();
    List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
    assertThat(won).hasSize(1);
    String winner = getLock().headers().firstValue("X-WOPI-Lock").orElseThrow();
    assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(49)
        .allSatisfy(a -> assertThat(a.headers().firstValue("X-WOPI-Lock")).contains(winner));
  }

  @Test
  void tokens_expire_belongToOneFile_andAnExpiredOneIs401NotForbidden() {
    String other = uploadPdf("bob", "wopi-other-" + System.nanoTime() + ".pdf", "another file");
    HttpResponse<String> wrongFile = http.send(http.request(null, "/wopi/files/" + other + "?access_token="
        + enc(token)).GET());
    assertThat(wrongFile.statusCode()).isEqualTo(401);
    HttpResponse<String> issued = http.send(http.request("bob", "/api/v1/files/" + file + "/wopi-token")
        .POST(HttpRequest.BodyPublishers.noBody()));
    long ttl = Long.parseLong(member(issued.body(), "access_token_ttl"));
    assertThat(ttl).as("absolute milliseconds since the epoch").isGreaterThan(CLOCK.instant().toEpochMilli());
    assertThat(member(issued.body(), "wopiSrc")).endsWith("/wopi/files/" + file);
    CLOCK.advance(Duration.ofHours(11));
    assertThat(checkFileInfo(token).statusCode()).isEqualTo(401);
    assertThat(http.send(http.request("mallory", "/api/v1/files/" + file + "/wopi-token")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
  }

  @Test
  void putFile_labelledAsAForm_keepsItsBytes() {
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> put = http.send(wopi(token, "/contents").header("X-WOPI-Lock", LOCK)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(SIMPLE)));
    assertStatus(put, 200);
    assertThat(getFile(token).body()).isEqualTo(SIMPLE);
    unlock(LOCK);
  }

  @Test
  void getFile_largerThanTheClientExpects_is412() {
    int size = Integer.parseInt(member(checkFileInfo(token).body(), "Size"));
    assertThat(http.sendForBytes(wopi(token, "/contents").header("X-WOPI-MaxExpectedSize", Integer.toString(size - 1))
        .GET()).statusCode()).isEqualTo(412);
    assertThat(http.sendForBytes(wopi(token, "/contents").header("X-WOPI-MaxExpectedSize", Integer.toString(size))
        .GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void aViewer_cannotWrite_andGetsNoForbidden() {
    String viewer = token("carol", file);
    assertThat(checkFileInfo(viewer).body()).contains("\"UserCanWrite\":false", "\"ReadOnly\":true");
    assertThat(getFile(viewer).statusCode()).isEqualTo(200);
    assertThat(override(viewer, "LOCK", LOCK, null).statusCode()).isEqualTo(401);
    assertThat(putFile(viewer, null, new byte[0]).statusCode()).isEqualTo(401);
  }

  @Test
  void collaborasTimestamp_aChangedFile_is1010() {
    assertStatus(lock(LOCK), 200);
    String modified = member(checkFileInfo(token).body(), "LastModifiedTime");
    assertStatus(putFile(token, LOCK, SIMPLE, modified), 200);
    HttpResponse<String> stale = putFile(token, LOCK, COMPLEX, modified);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("\"COOLStatusCode\":1010");
    unlock(LOCK);
  }

  @Test
  void renameFile_takesAUtf7Name_keepsTheExtension_andHonoursTheLock() {
    assertStatus(lock(LOCK), 200);
    assertMismatch(rename("Plan", WRONG_LOCK), LOCK);
    HttpResponse<String> renamed = rename("Plan+AOk-t+AOk--" + System.nanoTime(), LOCK);
    assertStatus(renamed, 200);
    assertThat(member(renamed.body(), "Name")).startsWith("Plan\u00e9t\u00e9-");
    assertThat(member(checkFileInfo(token).body(), "BaseFileName")).startsWith("Plan\u00e9t\u00e9-").endsWith(".pdf");
    assertStatus(override(token, "PUT_RELATIVE", LOCK, null), 501);
    unlock(LOCK);
  }

  @Test
  void aLockedFile_refusesTheRestApisWrites_withTheLockId() {
    assertStatus(lock(LOCK), 200);
    HttpResponse<String> rest = http.send(http.request("alice", "/api/v1/files/" + file + "/content")
        .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(SIMPLE)));
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(423);
    unlock(LOCK);
  }

  // --- helpers ---

  private String token(String user, String id) {
    HttpResponse<String> issued = http.send(http.request(user, "/api/v1/files/" + id + "/wopi-token")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    return member(issued.body(), "access_token");
  }

  private String version() {
    return member(checkFileInfo(token).body(), "Version");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder wopi(String accessToken, String suffix) {
    return http.request(null, "/wopi/files/" + file + suffix + "?access_token=" + enc(accessToken));
  }

  private HttpResponse<String> checkFileInfo(String accessToken) {
    return http.send(wopi(accessToken, "").GET());
  }

  private HttpResponse<byte[]> getFile(String accessToken) {
    return http.sendForBytes(wopi(accessToken, "/contents").GET());
  }

  private HttpResponse<String> putFile(String accessToken, String lock, byte[] body) {
    return putFile(accessToken, lock, body, null);
  }

  private HttpResponse<String> putFile(String accessToken, String lock, byte[] body, String coolTimestamp) {
    HttpRequest.Builder request = wopi(accessToken, "/contents").header("X-WOPI-Override", "PUT")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (lock != null) {
      request.header("X-WOPI-Lock", lock);
    }
    if (coolTimestamp != null) {
      request.header("X-COOL-WOPI-Timestamp", coolTimestamp);
    }
    return http.send(request);
  }

  private HttpResponse<String> override(String accessToken, String operation, String lock, String oldLock) {
    HttpRequest.Builder request = wopi(accessToken, "").header("X-WOPI-Override", operation)
        .POST(HttpRequest.BodyPublishers.noBody());
    if (lock != null) {
      request.header("X-WOPI-Lock", lock);
    }
    if (oldLock != null) {
      request.header("X-WOPI-OldLock", oldLock);
    }
    return http.send(request);
  }

  private HttpResponse<String> lock(String lock) {
    return override(token, "LOCK", lock, null);
  }

  private HttpResponse<String> unlock(String lock) {
    return override(token, "UNLOCK", lock, null);
  }

  private HttpResponse<String> refresh(String lock) {
    return override(token, "REFRESH_LOCK", lock, null);
  }

  private HttpResponse<String> relock(String lock, String oldLock) {
    return override(token, "LOCK", lock, oldLock);
  }

  private HttpResponse<String> getLock() {
    return override(token, "GET_LOCK", null, null);
  }

  private HttpResponse<String> rename(String utf7Name, String lock) {
    return http.send(wopi(token, "").header("X-WOPI-Override", "RENAME_FILE").header("X-WOPI-Lock", lock)
        .header("X-WOPI-RequestedName", utf7Name).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static void assertStatus(HttpResponse<?> response, int status) {
    assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
        response.headers().map()).isEqualTo(status);
  }

  private static void assertMismatch(HttpResponse<?> response, String currentLock) {
    assertStatus(response, 409);
    assertThat(response.headers().firstValue("X-WOPI-Lock")).as("X-WOPI-Lock").contains(currentLock);
    assertThat(response.headers().firstValue("X-WOPI-LockFailureReason")).isPresent();
  }
}
