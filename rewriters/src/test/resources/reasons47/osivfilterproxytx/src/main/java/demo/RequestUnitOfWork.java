package demo;

import java.util.Properties;
import org.springframework.aop.framework.autoproxy.BeanNameAutoProxyCreator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/** One read-only unit of work around the request's counting step (the Java form of an XML tx:advice). */
@Configuration
public class RequestUnitOfWork {
  @Bean
  public static BeanNameAutoProxyCreator unitOfWorkProxies() {
    BeanNameAutoProxyCreator creator = new BeanNameAutoProxyCreator();
    creator.setBeanNames("dayCount*");
    creator.setInterceptorNames("unitOfWork");
    creator.setProxyTargetClass(true);
    return creator;
  }

  @Bean
  public TransactionInterceptor unitOfWork(TransactionManager transactions) {
    Properties attributes = new Properties();
    attributes.setProperty("do*", "PROPAGATION_REQUIRED,readOnly");
    TransactionInterceptor interceptor = new TransactionInterceptor();
    interceptor.setTransactionManager(transactions);
    interceptor.setTransactionAttributes(attributes);
    return interceptor;
  }
}
