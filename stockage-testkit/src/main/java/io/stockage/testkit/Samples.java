package io.stockage.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Real sample files of the types Stockage accepts by default, built in code so tests need no
 * binary fixtures: a PDF with text, PNG and JPEG images, a glTF asset in both forms, ASCII and
 * binary STL, and a Windows executable to disguise. Also large streams that are generated as they
 * are read, to upload gigabytes without holding them.
 */
public final class Samples {
  private Samples() {}

  /** A one-page PDF 1.4 showing the text (ASCII, no parentheses). */
  public static byte[] pdf(String text) {
    String stream = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            + "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    return pdfOf(objects);
  }

  /**
   * A PDF 1.4 of these objects (numbered from 1, the first the catalog), with its cross-reference
   * table: for tests that need a document of a particular structure.
   */
  public static byte[] pdfOf(String... objects) {
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A PNG image. */
  public static byte[] png(int width, int height) {
    return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  /** A JPEG image. */
  public static byte[] jpg(int width, int height) {
    return image("jpg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** A glTF 2.0 asset (JSON form) with one triangle mesh named {@code meshName}, buffer embedded. */
  public static byte[] gltf(String meshName) {
    String data = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(triangle());
    return gltfJson(meshName, "\"uri\":\"" + data + "\",").getBytes(StandardCharsets.UTF_8);
  }

  /** The same asset with its buffer in a file of its own, named {@code bufferName} (see {@link #gltfBuffer()}). */
  public static byte[] gltfExternal(String meshName, String bufferName) {
    return gltfJson(meshName, "\"uri\":\"" + bufferName + "\",").getBytes(StandardCharsets.UTF_8);
  }

  /** The buffer of {@link #gltfExternal}: one triangle's three positions. */
  public static byte[] gltfBuffer() {
    return triangle();
  }

  /** The same asset in binary form (GLB): header, JSON chunk, BIN chunk. */
  public static byte[] glb(String meshName) {
    return glbOf(gltfJson(meshName, ""));
  }

  private static byte[] glbOf(String gltfJson) {
    byte[] json = pad(gltfJson.getBytes(StandardCharsets.UTF_8), (byte) ' ');
    byte[] bin = pad(triangle(), (byte) 0);
    int length = 12 + 8 + json.length + 8 + bin.length;
    ByteBuffer glb = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    glb.put("glTF".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(length);
    glb.putInt(json.length).put("JSON".getBytes(StandardCharsets.US_ASCII)).put(json);
    glb.putInt(bin.length).put(new byte[] {'B', 'I', 'N', 0}).put(bin);
    return glb.array();
  }

  /** An ASCII STL solid of {@code triangles} facets. */
  public static byte[] stlAscii(int triangles) {
    StringBuilder stl = new StringBuilder("solid sample\n");
    for (int i = 0; i < triangles; i++) {
      stl.append(" facet normal 0 0 1\n  outer loop\n")
          .append("   vertex ").append(i).append(" 0 0\n")
          .append("   vertex ").append(i + 1).append(" 0 0\n")
          .append("   vertex ").append(i).append(" 1 0\n")
          .append("  endloop\n endfacet\n");
    }
    return stl.append("endsolid sample\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A binary STL of {@code triangles} facets. */
  public static byte[] stlBinary(int triangles) {
    ByteBuffer stl = ByteBuffer.allocate(84 + 50 * triangles).order(ByteOrder.LITTLE_ENDIAN);
    stl.put(new byte[80]).putInt(triangles);
    for (int i = 0; i < triangles; i++) {
      stl.putFloat(0).putFloat(0).putFloat(1);
      stl.putFloat(i).putFloat(0).putFloat(0);
      stl.putFloat(i + 1).putFloat(0).putFloat(0);
      stl.putFloat(i).putFloat(1).putFloat(0);
      stl.putShort((short) 0);
    }
    return stl.array();
  }

  /** The start of a Windows PE executable (MZ header, PE signature), as an attacker would disguise. */
  public static byte[] windowsExecutable() {
    ByteBuffer exe = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    exe.put((byte) 'M').put((byte) 'Z');
    exe.position(0x3c);
    exe.putInt(0x80);
    exe.position(0x40);
    exe.put("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));
    exe.position(0x80);
    exe.put(new byte[] {'P', 'E', 0, 0});
    return exe.array();
  }

  /**
   * A stream of {@code size} bytes that a PDF sniffer accepts ({@code %PDF-1.7} then seeded random
   * bytes), generated as it is read: gigabytes without the memory.
   */
  public static InputStream largePdf(long size, long seed) {
    return new GeneratedStream(size, seed, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] image(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.drawLine(0, 0, width - 1, height - 1);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] triangle() {
    ByteBuffer buf = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
    buf.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
    return buf.array();
  }

  /** A glTF asset (JSON, buffer inlined) whose one node and one material are named too. */
  public static byte[] gltf(String meshName, String nodeName, String materialName) {
    String data = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(triangle());
    return gltfJson(meshName, nodeName, materialName, "\"uri\":\"" + data + "\",").getBytes(StandardCharsets.UTF_8);
  }

  /** The same in binary form (GLB). */
  public static byte[] glb(String meshName, String nodeName, String materialName) {
    return glbOf(gltfJson(meshName, nodeName, materialName, ""));
  }

  private static String gltfJson(String meshName, String uri) {
    return gltfJson(meshName, null, null, uri);
  }

  private static String gltfJson(String meshName, String nodeName, String materialName, String uri) {
    String node = nodeName == null ? "{\"mesh\":0}" : "{\"name\":\"" + nodeName + "\",\"mesh\":0}";
    String material = materialName == null ? "" : "\"material\":0";
    return "{\"asset\":{\"version\":\"2.0\",\"generator\":\"stockage-testkit\"},"
        + "\"scene\":0,\"scenes\":[{\"nodes\":[0]}],\"nodes\":[" + node + "],"
        + (materialName == null ? "" : "\"materials\":[{\"name\":\"" + materialName + "\"}],")
        + "\"meshes\":[{\"name\":\"" + meshName + "\",\"primitives\":[{\"attributes\":{\"POSITION\":0}"
        + (material.isEmpty() ? "" : "," + material) + "}]}],"
        + "\"buffers\":[{" + uri + "\"byteLength\":36}],"
        + "\"bufferViews\":[{\"buffer\":0,\"byteOffset\":0,\"byteLength\":36}],"
        + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":3,\"type\":\"VEC3\","
        + "\"max\":[1,1,0],\"min\":[0,0,0]}]}";
  }

  private static byte[] pad(byte[] bytes, byte filler) {
    int padded = (bytes.length + 3) / 4 * 4;
    byte[] out = java.util.Arrays.copyOf(bytes, padded);
    java.util.Arrays.fill(out, bytes.length, padded, filler);
    return out;
  }

  /** Seeded pseudo-random bytes after a fixed head. */
  private static final class GeneratedStream extends InputStream {
    private final long size;
    private final byte[] head;
    private final SplittableRandom random;
    private long position;
    private long word;

    GeneratedStream(long size, long seed, byte[] head) {
      this.size = size;
      this.head = head;
      this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        long p = position + i;
        if (p < head.length) {
          buf[off + i] = head[(int) p];
        } else {
          if ((p - head.length) % 8 == 0) {
            word = random.nextLong();
          }
          buf[off + i] = (byte) (word >>> (8 * ((p - head.length) % 8)));
        }
      }
      position += n;
      return n;
    }
  }
}
