import { describe, expect, test } from 'vitest';
import { isMoney, moneyFactor, moneyIn, sameUnit, yuanOf } from './units.ts';

describe('money in another unit', () => {
  test('万元, 亿元 and 万亿元 convert by their magnitudes', () => {
    expect(moneyIn(5000, '万元', '亿元')).toBe(0.5);
    expect(moneyIn(3.57, '万亿元', '亿元')).toBe(35700);
    expect(moneyIn(40.5, '亿元', '万元')).toBe(405000);
    expect(moneyIn(120, '元', '万元')).toBe(0.012);
  });
  test('a magnitude whose 元 is not written is money when it is converted to money (全社会研发经费投入超过900亿)', () => {
    expect(moneyIn(900, '亿', '亿元')).toBe(900);
    expect(moneyIn(8000, '万', '亿元')).toBe(0.8);
  });
  test('nothing else is money: counts, shares, a magnitude asked for in a count', () => {
    expect(moneyFactor('家', '亿元')).toBeNull();
    expect(moneyFactor('%', '亿元')).toBeNull();
    expect(moneyFactor('亿', '家')).toBeNull();
    expect(moneyIn(null, '万元', '亿元')).toBeNull();
  });
  test('yuan of an amount of money, none of a share or a bare magnitude', () => {
    expect(yuanOf(20, '万元')).toBe(200000);
    expect(yuanOf(10, '%')).toBeNull();
    expect(yuanOf(900, '亿')).toBeNull();
    expect(isMoney('万亿元')).toBe(true);
    expect(isMoney('亿')).toBe(false);
  });
});

describe('sameUnit(a, b)', () => {
  test('organisations counted with 家, 个 or 户 alike', () => {
    expect(sameUnit('家', '个')).toBe(true);
    expect(sameUnit('户', '家')).toBe(true);
    expect(sameUnit('件', '件')).toBe(true);
  });
  test('other units stay apart: people and person-times, counts and money, a count and none', () => {
    expect(sameUnit('人', '人次')).toBe(false);
    expect(sameUnit('人', '人年')).toBe(false);
    expect(sameUnit('件', '项')).toBe(false);
    expect(sameUnit('家', '亿元')).toBe(false);
    expect(sameUnit('家', '')).toBe(false);
    expect(sameUnit('万元', '亿元')).toBe(false);
  });
});
