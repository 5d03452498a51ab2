package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PurchaseService {
    private final StockDao stockDao;
    private final TaxDao taxDao;

    public PurchaseService(StockDao stockDao, TaxDao taxDao) {
        this.stockDao = stockDao;
        this.taxDao = taxDao;
    }

    /** Reads the stock, then the (never written) tax rate, inside one transaction, then writes. */
    @Transactional
    public double purchase(int itemId, int quantity, String state, double price) {
        if (stockDao.getQuantity(itemId) < quantity) {
            throw new IllegalArgumentException("not enough in stock");
        }
        double total = price * quantity * (1 + taxDao.getRate(state));
        stockDao.saveInvoice(itemId, quantity, total);
        stockDao.take(itemId, quantity);
        return total;
    }
}
