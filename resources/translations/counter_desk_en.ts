<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../desk_app/ui/status_panel.py" line="35"/>
        <source>上报已暂停：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_panel.py" line="38"/>
        <source>网络正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_panel.py" line="41"/>
        <source>离线：案件暂存本机，恢复后自动上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_panel.py" line="43"/>
        <source>待上报 %1 · 上报中 %2 · 需处理 %3 · 已完成 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/status_panel.py" line="47"/>
        <source> · 最近联系 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="28"/>
        <source>申请人身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="30"/>
        <source>读取身份证 (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="34"/>
        <location filename="../../desk_app/ui/applicant_page.py" line="101"/>
        <source>请将身份证放在读卡器上，然后按 F2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="38"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="46"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="47"/>
        <source>公民身份号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="48"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="49"/>
        <source>住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="52"/>
        <source>大厅屏显示为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="72"/>
        <source>已读取身份证。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="93"/>
        <source>请填写申请人姓名或读取身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="95"/>
        <source>公民身份号码应为18位</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="29"/>
        <source>确认并受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="33"/>
        <source>确认受理并出具回执 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="42"/>
        <source>办理下一位 (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="61"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="62"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="63"/>
        <source>办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="64"/>
        <source>受理决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="67"/>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="72"/>
        <source>表单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="77"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="88"/>
        <source>临时编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="89"/>
        <source>案件已安全保存在本机，正在后台上报受理中心…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="92"/>
        <source>办件编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="93"/>
        <source>受理中心已接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="95"/>
        <source>承诺办结日期：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="23"/>
        <source>受理决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="27"/>
        <source>受理（材料齐全）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="28"/>
        <source>容缺受理（材料后补）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="29"/>
        <source>告知承诺受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="30"/>
        <source>材料不全，一次性告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="31"/>
        <source>不予受理（须填写理由）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="44"/>
        <source>理由 / 说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/decision_page.py" line="58"/>
        <source>%n 字（最多 200 字）</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="68"/>
        <source>不予受理必须填写理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/decision_page.py" line="70"/>
        <source>理由不能超过200字</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPickerPage</name>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="26"/>
        <source>选择办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="29"/>
        <source>输入事项名称、编码、拼音或首字母，回车选中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="36"/>
        <source>↑↓ 选择，回车加入本次办件；Delete 移除已选事项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="43"/>
        <source>本次办理：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="18"/>
        <source>综窗受理台 — 登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="25"/>
        <source>窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="26"/>
        <source>受理中心</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="26"/>
        <source>未配置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="27"/>
        <source>工号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/login_dialog.py" line="28"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="42"/>
        <source>综窗受理台 — %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="49"/>
        <source>① 申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="49"/>
        <source>② 事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="49"/>
        <source>③ 表单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="50"/>
        <source>④ 材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="50"/>
        <source>⑤ 决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="50"/>
        <source>⑥ 确认受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="68"/>
        <source>上一步 (Ctrl+PgUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="69"/>
        <source>下一步 (Ctrl+PgDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="125"/>
        <source>请至少选择一个办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="172"/>
        <source>正在读卡…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="210"/>
        <source>回执打印失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="212"/>
        <source>案件已保存，可在办件记录中补打回执。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../desk_app/ui/receipt_dialog.py" line="15"/>
        <source>收件回执预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_dialog.py" line="24"/>
        <source>已发送到：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/receipt_dialog.py" line="24"/>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
