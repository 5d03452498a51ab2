package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

import java.time.Duration;

public class Holder {
    public final Duration max = Duration.ofSeconds(2);
}
