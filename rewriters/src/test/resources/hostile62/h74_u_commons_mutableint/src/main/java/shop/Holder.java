package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

import org.apache.commons.lang3.mutable.MutableInt;

public class Holder {
    public final MutableInt max = new MutableInt(1);
    public void widen() { max.increment(); }
}
