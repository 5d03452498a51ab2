package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public enum Mode {
    STRICT("user", "guest");
    public final List<String> allowed;
    Mode(String... roles) { this.allowed = List.of(roles); }
}
