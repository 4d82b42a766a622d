import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CatalogItem } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { createExchange, staffCatalog, staffPoints, type Result } from '../../services/api';
import { StaffPage, StaffResource } from '../frame';
import { useStaffError, useStaffResource } from '../shared';
import './index.css';

interface Shelf {
  items: CatalogItem[];
  /** Points spendable now. */
  balance: number;
}

/** The catalogue and what can be spent, read together. */
async function loadShelf(): Promise<Result<Shelf>> {
  const [catalog, points] = await Promise.all([staffCatalog(), staffPoints()]);
  if (!catalog.ok) return catalog;
  if (!points.ok) return points;
  return { ok: true, data: { items: catalog.data.items, balance: points.data.balance } };
}

/** What can be ordered comes first; sold-out items stay listed, below. */
const inStockFirst = (items: CatalogItem[]) => [...items].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0));

export default function StaffCatalogPage() {
  const { t } = useI18n();
  const describe = useStaffError();
  const shelf = useStaffResource(loadShelf, [], { onShow: true });
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState<CatalogItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ordering = useIdempotentAction((key, itemId: string, quantity: number) => createExchange(itemId, quantity, key));

  const quantityOf = (item: CatalogItem) => quantities[item.id] ?? 1;
  const step = (item: CatalogItem, by: number) =>
    setQuantities((q) => ({ ...q, [item.id]: Math.max(1, Math.min(item.stock, quantityOf(item) + by)) }));

  const order = async (item: CatalogItem) => {
    setConfirming(null);
    const answer = await ordering.run(item.id, quantityOf(item));
    if (!answer) return;
    if (answer.ok) {
      go.replace(routes.staffExchanges(answer.data.exchange.id));
      return;
    }
    setNotice(describe(answer));
    void shelf.reload(true);
  };

  return (
    <StaffPage name='catalog' under='points'>
      <Notice text={notice} />
      <StaffResource of={shelf} isEmpty={(d) => d.items.length === 0} emptyTitle={t('staff.catalog.empty')}>
        {(d) => (
          <View>
            <View className='catalog__balance' ariaRole='status'>
              {t('staff.catalog.available', { n: d.balance })}
            </View>
            {inStockFirst(d.items).map((item) => {
              const quantity = quantityOf(item);
              const cost = item.points * quantity;
              const soldOut = item.stock <= 0;
              const tooFew = !soldOut && cost > d.balance;
              return (
                <View key={item.id} className='card catalog__item' data-item={item.id}>
                  <Text className='catalog__name'>{item.name}</Text>
                  <Text className='catalog__price'>{t('staff.catalog.price', { p: item.points, u: item.unit })}</Text>
                  <Text className='muted catalog__stock'>{soldOut ? t('staff.catalog.soldOut') : t('staff.catalog.stock', { n: item.stock, u: item.unit })}</Text>
                  {!soldOut && (
                    <View className='row catalog__row'>
                      <View className='catalog__stepper' ariaRole='group' ariaLabel={t('staff.catalog.quantity')}>
                        <Pressable className='catalog__step catalog__less' label={t('staff.catalog.less', { u: item.unit })} disabled={quantity <= 1} onPress={() => step(item, -1)}>
                          −
                        </Pressable>
                        <Text className='catalog__quantity'>{quantity}</Text>
                        <Pressable className='catalog__step catalog__more' label={t('staff.catalog.more', { u: item.unit })} disabled={quantity >= item.stock} onPress={() => step(item, 1)}>
                          +
                        </Pressable>
                      </View>
                      <Text className='catalog__cost'>{t('staff.catalog.cost', { n: cost })}</Text>
                    </View>
                  )}
                  <Pressable
                    className={soldOut || tooFew || ordering.busy ? 'btn btn--disabled catalog__order' : 'btn catalog__order'}
                    disabled={soldOut || tooFew || ordering.busy !== null}
                    onPress={() => {
                      setNotice(null);
                      setConfirming(item);
                    }}
                  >
                    {soldOut ? t('staff.catalog.soldOut') : tooFew ? t('staff.catalog.tooFew') : t('staff.catalog.order')}
                  </Pressable>
                </View>
              );
            })}
          </View>
        )}
      </StaffResource>
      {confirming && (
        <ConfirmDialog
          title={t('staff.catalog.confirmTitle')}
          body={t('staff.catalog.confirm', { n: confirming.points * quantityOf(confirming), q: quantityOf(confirming), u: confirming.unit, name: confirming.name })}
          confirmText={t('staff.catalog.order')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void order(confirming)}
        />
      )}
    </StaffPage>
  );
}
