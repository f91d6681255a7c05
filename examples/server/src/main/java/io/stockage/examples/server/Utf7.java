package io.stockage.examples.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * UTF-7 decoding (RFC 2152), which the JDK lacks: WOPI sends {@code X-WOPI-RequestedName} in it
 * so that any file name fits an HTTP header. ASCII stands for itself; {@code +...-} is the
 * modified base64 of UTF-16BE code units; {@code +-} is a plus sign.
 */
final class Utf7 {
  private Utf7() {}

  static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c != '+') {
        out.append(c);
        continue;
      }
      int end = i;
      while (end < text.length() && isBase64(text.charAt(end))) {
        end++;
      }
      if (end == i) {
        // "+-" is a plus sign; a lone "+" too.
        out.append('+');
      } else {
        String run = text.substring(i, end);
        if (run.length() % 4 == 1) {
          run = run.substring(0, run.length() - 1);
        }
        byte[] bytes = Base64.getDecoder().decode(run + "==".substring(0, (4 - run.length() % 4) % 4));
        out.append(new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16BE));
      }
      i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
    }
    return out.toString();
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }
}
