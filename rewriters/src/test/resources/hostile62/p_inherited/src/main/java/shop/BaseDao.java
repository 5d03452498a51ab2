package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class BaseDao {
    protected final Holder holder = new Holder();
}
