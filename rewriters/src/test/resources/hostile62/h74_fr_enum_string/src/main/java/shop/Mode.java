package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public enum Mode {
    STRICT("s:");
    public final String label;
    Mode(String label) { this.label = label; }
}
