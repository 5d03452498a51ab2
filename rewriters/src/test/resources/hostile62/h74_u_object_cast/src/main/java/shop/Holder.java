package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    public final Object prefix = new StringBuilder();
    public void prefix(String p) { ((StringBuilder) prefix).append(p); }
}
