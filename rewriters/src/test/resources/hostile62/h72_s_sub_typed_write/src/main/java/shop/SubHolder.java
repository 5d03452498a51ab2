package shop;

public class SubHolder extends Holder {
}
