package shop;
public interface ProductRepositoryCustom { boolean existsActive(Long id); }
