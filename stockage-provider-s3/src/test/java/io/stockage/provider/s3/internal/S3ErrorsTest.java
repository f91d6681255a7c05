package io.stockage.provider.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

  @Test
  void map_missingObject_isNotFoundWithOrWithoutCode() {
    assertThat(kind(404, "NoSuchKey", S3Op.READ)).isEqualTo(ErrorKind.NOT_FOUND);
    // HeadObject's 404 has no body, hence no code (aws-sdk-java-v2 #297).
    assertThat(kind(404, null, S3Op.STAT)).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(kind(404, "NoSuchVersion", S3Op.VERSION)).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(kind(404, "NoSuchUpload", S3Op.MULTIPART)).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void map_missingBucket_isConfigInvalid() {
    assertThat(kind(404, "NoSuchBucket", S3Op.READ)).isEqualTo(ErrorKind.CONFIG_INVALID);
  }

  @Test
  void map_preconditionFailed_dependsOnTheCondition() {
    assertThat(kind(412, "PreconditionFailed", S3Op.WRITE_IF_ABSENT)).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(kind(412, "PreconditionFailed", S3Op.WRITE_IF_MATCH)).isEqualTo(ErrorKind.CONFLICT);
    assertThat(kind(412, "PreconditionFailed", S3Op.COPY)).isEqualTo(ErrorKind.CONFLICT);
    // If-Match on a missing key: AWS S3 answers 404 NoSuchKey, which is a failed condition.
    assertThat(kind(404, "NoSuchKey", S3Op.WRITE_IF_MATCH)).isEqualTo(ErrorKind.CONFLICT);
  }

  @Test
  void map_statusCodes_toTheirKinds() {
    assertThat(kind(403, "AccessDenied", S3Op.READ)).isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(kind(416, "InvalidRange", S3Op.READ)).isEqualTo(ErrorKind.RANGE_NOT_SATISFIABLE);
    assertThat(kind(409, "OperationAborted", S3Op.WRITE)).isEqualTo(ErrorKind.CONFLICT);
    assertThat(kind(409, "ConditionalRequestConflict", S3Op.WRITE_IF_ABSENT)).isEqualTo(ErrorKind.CONFLICT);
    assertThat(kind(400, "EntityTooSmall", S3Op.MULTIPART)).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    assertThat(kind(400, "Weird", S3Op.READ)).isEqualTo(ErrorKind.UNEXPECTED);
    assertThat(kind(405, "MethodNotAllowed", S3Op.VERSION)).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(kind(400, "InvalidArgument", S3Op.VERSION)).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void map_throttlingAndServerErrors_areRetryableUnavailable() {
    for (int status : new int[] {500, 502, 503, 504, 429}) {
      StockageException e = S3Errors.map(s3(status, null), S3Op.READ, "k");
      assertThat(e.kind()).as("status %d", status).isEqualTo(ErrorKind.UNAVAILABLE);
      assertThat(e.isRetryable()).isTrue();
    }
    assertThat(kind(503, "SlowDown", S3Op.WRITE)).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(kind(400, "RequestTimeout", S3Op.WRITE)).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(kind(501, "NotImplemented", S3Op.WRITE)).isEqualTo(ErrorKind.UNEXPECTED);
  }

  @Test
  void map_clientFailures_unreachableIsUnavailable() {
    assertThat(S3Errors.map(SdkClientException.create("refused", new ConnectException("refused")), S3Op.READ, "k").kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(S3Errors.map(SdkClientException.create("slow", new SocketTimeoutException()), S3Op.READ, "k").kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(S3Errors.map(ApiCallTimeoutException.create(1000), S3Op.READ, "k").kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(S3Errors.map(SdkClientException.create("bad config"), S3Op.READ, "k").kind()).isEqualTo(ErrorKind.UNEXPECTED);
  }

  @Test
  void translate_notReplayableBody_isUnavailableAndOthersPassUnchanged() {
    assertThat(((StockageException) S3Errors.translate(new SourceStream.NotReplayable(), S3Op.WRITE, "k")).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    IllegalStateException other = new IllegalStateException("caller's");
    assertThat(S3Errors.translate(other, S3Op.WRITE, "k")).isSameAs(other);
  }

  @Test
  void batchError_accessDeniedAndSlowDown() {
    assertThat(S3Errors.batchError("AccessDenied", "no", "k").kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(S3Errors.batchError("SlowDown", "later", "k").kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(S3Errors.batchError("Other", "?", "k").kind()).isEqualTo(ErrorKind.UNEXPECTED);
  }

  private static ErrorKind kind(int status, String code, S3Op op) {
    StockageException e = S3Errors.map(s3(status, code), op, "some/key");
    assertThat(e.getCause()).isInstanceOf(S3Exception.class);
    assertThat(e.detail()).contains("some/key");
    return e.kind();
  }

  private static S3Exception s3(int status, String code) {
    return (S3Exception) S3Exception.builder().statusCode(status).message("test")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("S3").build()).build();
  }
}
