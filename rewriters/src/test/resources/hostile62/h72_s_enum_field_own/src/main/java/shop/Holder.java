package shop;

public class Holder {
    public Mode mode = Mode.OPEN;
    public void strict() { mode = Mode.STRICT; }
}
