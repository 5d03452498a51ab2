package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Options {
    public String prefix = "";
    public Options(String prefix) { this.prefix = prefix; }
}
