package r;
public class Other { public java.util.List<String> names() { return java.util.List.of(); } }
