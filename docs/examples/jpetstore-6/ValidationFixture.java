package org.mybatis.jpetstore.validation;

import java.nio.file.Path;

import org.mybatis.jpetstore.service.CatalogService;
import org.mybatis.jpetstore.service.OrderService;
import org.springframework.context.support.GenericXmlApplicationContext;

/**
 * optkit validate fixture: the application's own root context (applicationContext.xml, embedded HSQLDB with its
 * schema and data), found next to the classes of the code version under test.
 */
public final class ValidationFixture implements AutoCloseable {
  private final GenericXmlApplicationContext context;

  private ValidationFixture(GenericXmlApplicationContext context) {
    this.context = context;
  }

  public static ValidationFixture start() throws Exception {
    Path classes = Path.of(CatalogService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path xml = classes.getParent().getParent().resolve("src/main/webapp/WEB-INF/applicationContext.xml");
    GenericXmlApplicationContext context = new GenericXmlApplicationContext();
    context.load("file:" + xml);
    context.refresh();
    return new ValidationFixture(context);
  }

  public CatalogService catalog() {
    return context.getBean(CatalogService.class);
  }

  public OrderService orders() {
    return context.getBean(OrderService.class);
  }

  /** A write through the application: user j2ee orders an item, as the order page does. */
  public void buy(String itemId, int quantity) {
    CatalogService catalog = catalog();
    org.mybatis.jpetstore.domain.Cart cart = new org.mybatis.jpetstore.domain.Cart();
    cart.addItem(catalog.getItem(itemId), true);
    cart.setQuantityByItemId(itemId, quantity);
    org.mybatis.jpetstore.domain.Order order = new org.mybatis.jpetstore.domain.Order();
    order.initOrder(context.getBean(org.mybatis.jpetstore.service.AccountService.class).getAccount("j2ee", "j2ee"),
        cart);
    orders().insertOrder(order);
  }

  @Override
  public void close() {
    context.close();
  }
}
