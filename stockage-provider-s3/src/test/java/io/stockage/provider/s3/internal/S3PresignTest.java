package io.stockage.provider.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3PresignTest {

  @Test
  void contentDisposition_asciiName_isQuotedAsIs() {
    assertThat(S3Presign.contentDisposition("plan-2024.pdf"))
        .isEqualTo("attachment; filename=\"plan-2024.pdf\"; filename*=UTF-8''plan-2024.pdf");
  }

  @Test
  void contentDisposition_unicodeQuotesAndControls_areReplacedOrEncoded() {
    assertThat(S3Presign.contentDisposition("réf \"a\"\r\n.pdf"))
        .isEqualTo("attachment; filename=\"r_f _a___.pdf\"; filename*=UTF-8''r%C3%A9f%20%22a%22%0D%0A.pdf");
  }
}
