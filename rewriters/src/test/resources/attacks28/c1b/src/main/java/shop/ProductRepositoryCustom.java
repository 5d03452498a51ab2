package shop;
public interface ProductRepositoryCustom { Boolean existsActive(Long id); }
