package shop;

import java.util.*;

public class Holder {
    public final Properties props = new Properties();
}
