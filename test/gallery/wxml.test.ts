import { rpxToPx } from './html';
import { classForwardedToTDesign, iconTemplatesInline } from './wxml';

describe('the gallery puts simulate right where it differs from WeChat', () => {
  it('draws 1rpx as 0.5px, as on a 375px-wide phone', () => {
    expect(rpxToPx('margin: 24rpx 0.5rpx -8rpx; width: 750rpx; height: 10px')).toBe('margin: 12px 0.25px -4px; width: 375px; height: 10px');
  });

  it('hands a class written on a TDesign component to its root, as WeChat does', () => {
    expect(classForwardedToTDesign('<t-button class="font-scale__option" size="large">大</t-button><view class="x"/>')).toBe(
      '<t-button class="font-scale__option" size="large" t-class="font-scale__option">大</t-button><view class="x"/>',
    );
    expect(classForwardedToTDesign('<t-tag t-class="own" class="other"/>')).toBe('<t-tag t-class="own" class="other"/>');
  });

  it("writes TDesign's icon template out as the t-icon it holds", () => {
    const wxml = `<template wx:if="{{_icon}}" is="icon" data="{{tClass: classPrefix + '__icon', ariaHidden: true, name: iconName, ..._icon}}"/>`;
    const icon = iconTemplatesInline(wxml);
    expect(icon).toMatch(/^<t-icon wx:if="\{\{_icon\}\}" t-class="\{\{classPrefix \+ '__icon'\}\}"/);
    expect(icon).toContain('name="{{_icon.name || (iconName)}}"');
    expect(icon).toContain('aria-hidden="{{_icon.ariaHidden || (true)}}"');
  });
});
