package dev.optkit.samples.plain;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

public class OrderService {

    private static final System.Logger LOG = System.getLogger(OrderService.class.getName());

    private final PricingClient pricing;
    private final CustomerDirectory customers;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final String defaultCurrency;

    public OrderService(PricingClient pricing, CustomerDirectory customers,
                        ProductRepository products, OrderRepository orders, String defaultCurrency) {
        this.pricing = pricing;
        this.customers = customers;
        this.products = products;
        this.orders = orders;
        this.defaultCurrency = defaultCurrency;
    }

    public String getDefaultCurrency() {
        return defaultCurrency;
    }

    public List<PricedLine> priceLines(List<OrderLine> lines) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            BigDecimal unitPrice = pricing.fetchUnitPrice(line.sku());
            priced.add(new PricedLine(line.sku(), line.quantity(), unitPrice));
        }
        return priced;
    }

    public List<BigDecimal> unitPrices(List<String> skus) {
        return skus.stream()
                .map(pricing::fetchUnitPrice)
                .collect(Collectors.toList());
    }

    public PricedLine quoteLine(OrderLine line) {
        return new PricedLine(line.sku(), line.quantity(), pricing.fetchUnitPrice(line.sku()));
    }

    public long placeOrder(UUID customerId, String currency, List<OrderLine> lines) {
        String orderCurrency = currency == null ? getDefaultCurrency() : currency;
        List<PricedLine> priced = priceLines(lines);
        CustomerTier tier = customers.loadCustomerTier(customerId);
        BigDecimal total = tier.applyDiscount(subtotal(priced))
                .multiply(pricing.getExchangeRate(orderCurrency))
                .setScale(2, RoundingMode.HALF_UP);
        long orderId = orders.insertOrder(customerId, orderCurrency, total);
        orders.insertLines(orderId, priced);
        LOG.log(Level.INFO, () -> "Placed order " + orderId + " for customer " + customerId + ": "
                + total.toPlainString() + " " + orderCurrency);
        return orderId;
    }

    public List<Product> loadProducts(List<Long> productIds) {
        List<Product> result = new ArrayList<>(productIds.size());
        for (Long id : productIds) {
            Optional<Product> product = products.findById(id);
            product.ifPresent(result::add);
        }
        return result;
    }

    public List<PricedLine> fillBasket(List<OrderLine> wishList, BigDecimal budget) {
        List<PricedLine> basket = new ArrayList<>();
        BigDecimal spent = BigDecimal.ZERO;
        for (OrderLine wish : wishList) {
            PricedLine line = new PricedLine(wish.sku(), wish.quantity(), pricing.fetchUnitPrice(wish.sku()));
            BigDecimal afterThis = spent.add(line.total());
            if (afterThis.compareTo(budget) > 0) {
                break;
            }
            spent = afterThis;
            basket.add(line);
        }
        return basket;
    }

    public List<String> productNames(List<Long> productIds) {
        return productIds.stream()
                .map(products::findProductName)
                .flatMap(Optional::stream)
                .collect(Collectors.toList());
    }

    public Map<String, BigDecimal> quotePrices(List<String> skus) {
        return pricing.fetchUnitPrices(skus);
    }

    public BigDecimal subtotal(List<PricedLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PricedLine line : lines) {
            sum = sum.add(line.total());
        }
        return sum;
    }

    public List<PricedLine> applyPromotions(List<PricedLine> lines, Map<String, BigDecimal> promoPrices) {
        List<PricedLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            BigDecimal promoPrice = promoPrices.get(line.sku());
            result.add(promoPrice == null ? line : new PricedLine(line.sku(), line.quantity(), promoPrice));
        }
        return result;
    }

    public void reportUnpaid(List<Long> orderIds) {
        for (Long orderId : orderIds) {
            LOG.log(Level.WARNING,
                    "Order {0} is still unpaid, inspect it with: SELECT * FROM orders WHERE id = {0}", orderId);
        }
    }
}
