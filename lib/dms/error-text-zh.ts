import { withDetail, type LocaleText } from './error-messages'

export const zhText: LocaleText = {
  codes: {
    1001: (dms) => ({
      message: withDetail('DMS 认为请求参数有误', dms, '：'),
      action: '请核对金额和单号后重新发起收款；如仍失败请联系店长。',
    }),
    1003: () => ({
      message: '收银台登录 DMS 的凭证无效或已过期',
      action: '请联系店长更新 DMS 接入令牌，更新前无法收款。',
    }),
    1004: () => ({ message: '请求过于频繁，DMS 暂时拒绝', action: '请稍等一分钟再试。' }),
    1500: () => ({ message: 'DMS 系统繁忙', action: '请稍后重试；如持续出现请联系店长。' }),
    2001: () => ({
      message: '付款账户不存在',
      action: '请联系店长在收银台设置中重新选择付款账户。',
    }),
    2002: () => ({
      message: '收款账户不存在',
      action: '请联系店长在收银台设置中重新选择收款账户。',
    }),
    2003: () => ({
      message: '该单据已付款',
      action: '请勿重复收款，可在今日收款中查看这笔付款。',
    }),
    2004: () => ({
      message: '金额与该单据尚未完成的收款不一致',
      action: '请先取消该单据原来的收款，再按正确金额重新发起。',
    }),
    2005: () => ({
      message: '收款账户尚未完成认证，暂时不能收款',
      action: '请联系店长完成收款账户认证，或在收银台设置中更换收款账户。',
    }),
    2006: () => ({
      message: '该收款账户未开通这种支付方式',
      action: '请让顾客换用另一种支付方式，或联系店长开通。',
    }),
    2007: () => ({
      message: '付款账户今日付款次数已达上限',
      action: '请联系店长在收银台设置中更换付款账户',
    }),
    2008: () => ({
      message: 'DMS 中找不到这笔收款',
      action: '请刷新页面；如顾客已付款，请联系店长核实。',
    }),
    2009: () => ({ message: '这笔收款已关闭', action: '如需继续收款，请重新发起。' }),
    3000: (dms) => ({
      message: withDetail('支付通道出错', dms, '：'),
      action: '请稍后重试，或让顾客换用另一种支付方式。',
    }),
  },
  rejected: (dms, code) => ({
    message: dms || `DMS 返回错误（代码 ${code}）`,
    action: `请稍后重试；如仍失败请联系店长，并告知错误代码 ${code}。`,
  }),
  unavailable: (sent, status) => ({
    message: `暂时无法连接 DMS${status ? `（HTTP ${status}）` : ''}`,
    action: sent
      ? '请稍后重试；如持续出现请联系店长。'
      : '请求没有发出。请检查收银台网络后重试；如持续出现请联系店长。',
  }),
  unknown: () => ({
    message: 'DMS 未及时答复，正在向 DMS 核实…',
    action: '请勿重复收款，请稍候；顾客是否已付款以核实结果为准。',
  }),
}
