package io.stockage;

import java.util.List;

/** The mounts the engine was built with, as a subject sees them ({@link Stockage#mounts()}). */
public interface Mounts {

  /**
   * The mounts the subject can use, with their capabilities, by name: every managed mount, and
   * the live mounts of its organization it holds a role on.
   */
  List<MountInfo> list(Subject subject);
}
