package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    private final StringBuilder sb = new StringBuilder();
    public final CharSequence prefix = sb;
    public void prefix(String p) { sb.setLength(0); sb.append(p); }
}
