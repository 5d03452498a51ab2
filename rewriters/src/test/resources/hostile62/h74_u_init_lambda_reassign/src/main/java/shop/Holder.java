package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    public Mode mode = Mode.LAX;
    public final Runnable strict = () -> mode = Mode.STRICT;
}
