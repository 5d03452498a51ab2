package shop;

import java.util.ArrayList;
import java.util.List;

public class Holder {
    public final List<String> list = new ArrayList<>();
}
