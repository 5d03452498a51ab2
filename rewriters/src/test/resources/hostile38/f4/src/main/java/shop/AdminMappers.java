package shop;
public class AdminMappers extends PetMappers {
    static void use(String s) { suffix = s; }
}
