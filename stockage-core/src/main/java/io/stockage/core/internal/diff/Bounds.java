package io.stockage.core.internal.diff;

/**
 * The running min and max of each axis of a model's vertices: an STL's bounding box, or a glTF's
 * from its position accessors' {@code min} and {@code max}.
 */
final class Bounds {
  private final float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
  private final float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};

  void add(float x, float y, float z) {
    float[] point = {x, y, z};
    for (int axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], point[axis]);
      max[axis] = Math.max(max[axis], point[axis]);
    }
  }

  boolean empty() {
    return min[0] > max[0];
  }

  /** {@code [minX,minY,minZ]..[maxX,maxY,maxZ]}. */
  @Override
  public String toString() {
    return point(min) + ".." + point(max);
  }

  private static String point(float[] p) {
    return "[" + format(p[0]) + "," + format(p[1]) + "," + format(p[2]) + "]";
  }

  // 1.0 prints as 1, and -0.0 as 0, so ASCII and binary forms of a model read the same.
  private static String format(float value) {
    if (value == 0) {
      return "0";
    }
    String text = Float.toString(value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
