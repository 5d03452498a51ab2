package r;
public class Wrapper<T> { private final T data; public Wrapper(T data){this.data=data;} public T getData(){return data;} }
