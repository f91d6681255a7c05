package io.stockage.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsSliceStreamTest {
  private static final int SIZE = FsSliceStream.BLOCK * 3 + 12_345;

  @TempDir
  Path dir;

  private byte[] bytes;
  private Path file;

  private FsSliceStream slice(long offset, long length) throws IOException {
    if (file == null) {
      bytes = new byte[SIZE];
      new Random(7).nextBytes(bytes);
      file = Files.write(dir.resolve("source"), bytes);
    }
    return new FsSliceStream(FileChannel.open(file, StandardOpenOption.READ), offset, length);
  }

  @Test
  void transferTo_aFile_copiesExactlyTheSliceThroughTheKernel() throws IOException {
    Path target = dir.resolve("target");
    long copied;
    try (FsSliceStream in = slice(1000, SIZE - 2000); FileOutputStream out = new FileOutputStream(target.toFile())) {
      out.write(new byte[] {1, 2, 3});
      copied = in.transferTo(out);
      assertThat(in.read()).as("the slice is spent").isEqualTo(-1);
    }
    assertThat(copied).isEqualTo(SIZE - 2000);
    byte[] written = Files.readAllBytes(target);
    assertThat(Arrays.copyOfRange(written, 0, 3)).containsExactly(1, 2, 3);
    assertThat(Arrays.copyOfRange(written, 3, written.length)).isEqualTo(Arrays.copyOfRange(bytes, 1000, SIZE - 1000));
  }

  @Test
  void transferTo_aStream_afterSomeReads_givesTheRestOfTheSlice() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FsSliceStream in = slice(10, SIZE - 10)) {
      byte[] first = in.readNBytes(100);
      assertThat(first).isEqualTo(Arrays.copyOfRange(bytes, 10, 110));
      assertThat(in.skip(5)).isEqualTo(5);
      assertThat(in.transferTo(out)).isEqualTo(SIZE - 115);
    }
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 115, SIZE));
  }

  @Test
  void reads_stopAtTheSlicesEnd() throws IOException {
    try (FsSliceStream in = slice(SIZE - 4, 3)) {
      assertThat(in.available()).isEqualTo(3);
      assertThat(in.read()).isEqualTo(bytes[SIZE - 4] & 0xff);
      byte[] rest = new byte[10];
      assertThat(in.read(rest, 0, 10)).isEqualTo(2);
      assertThat(in.read(rest, 0, 10)).isEqualTo(-1);
      assertThat(in.skip(10)).isZero();
    }
  }

  @Test
  void fileBacked_namesTheRegionWhateverWasRead() throws IOException {
    try (FsSliceStream in = slice(100, 50)) {
      in.read(new byte[10], 0, 10);
      io.stockage.spi.storage.FileBacked region = in;
      assertThat(region.offset()).isEqualTo(100);
      assertThat(region.length()).isEqualTo(50);
      java.nio.ByteBuffer mapped = region.channel().map(FileChannel.MapMode.READ_ONLY, region.offset(), region.length());
      assertThat(mapped.get(0)).isEqualTo(bytes[100]);
    }
  }
}
