package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

public class Holder {
    public final Multimap<String, String> grants = HashMultimap.create();
    public Holder() { grants.put("k", "user"); }
    public void allow(String r) { grants.put("k", r); }
}
