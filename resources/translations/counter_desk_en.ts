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
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="53"/>
        <source>读卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="55"/>
        <source>代办人证件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="57"/>
        <source>电子证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="59"/>
        <source>上次办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="61"/>
        <source>自动计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="63"/>
        <source>已手工修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="34"/>
        <source>非常不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="34"/>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="34"/>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="34"/>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="35"/>
        <source>非常满意</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentPanel</name>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="56"/>
        <source>代办（帮办代办，由他人代为申请）(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="59"/>
        <location filename="../../desk_app/ui/agent_panel.py" line="194"/>
        <location filename="../../desk_app/ui/agent_panel.py" line="205"/>
        <source>代办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="61"/>
        <source>读取代办人身份证 (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="64"/>
        <location filename="../../desk_app/ui/agent_panel.py" line="215"/>
        <source>请代办人出示本人身份证。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="80"/>
        <source>请写明与申请人的关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="83"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="84"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="85"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="86"/>
        <source>与申请人关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="87"/>
        <source>关系说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="89"/>
        <source>大厅屏显示为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="105"/>
        <source>子女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="105"/>
        <source>配偶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="105"/>
        <source>亲属</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="105"/>
        <source>社区工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="106"/>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="147"/>
        <source>已读取代办人证件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="187"/>
        <source>请填写代办人姓名或读取代办人身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="190"/>
        <source>请填写代办人证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="198"/>
        <source>代办人须年满 18 周岁（完全民事行为能力人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="200"/>
        <source>代办人与申请人是同一人：本人办理请取消“代办”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="203"/>
        <source>请填写代办人联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/agent_panel.py" line="207"/>
        <source>关系选了“其他”，请写明与申请人的关系</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="30"/>
        <source>申请人身份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="32"/>
        <source>读取身份证 (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="36"/>
        <location filename="../../desk_app/ui/applicant_page.py" line="107"/>
        <source>请将身份证放在读卡器上，然后按 F2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="40"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="50"/>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="51"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="54"/>
        <source>对外显示为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="55"/>
        <source>证件信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="76"/>
        <source>长期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="77"/>
        <source>有效期至 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="80"/>
        <source>已读取证件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="100"/>
        <source>请填写证件号码或读取身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_page.py" line="98"/>
        <source>请填写申请人姓名或读取身份证</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../desk_app/ui/capture_dialog.py" line="32"/>
        <source>拍摄材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture_dialog.py" line="36"/>
        <source>完成 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="202"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="38"/>
        <source>确认并受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="42"/>
        <source>确认受理并出具回执 (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="46"/>
        <source>申请人确认屏：等待申请人确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="53"/>
        <source>预览并打印通知书 (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="57"/>
        <source>补打回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="60"/>
        <source>办理下一位 (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="90"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="91"/>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="92"/>
        <source>办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="93"/>
        <source>受理决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="96"/>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="101"/>
        <source>表单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="106"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="117"/>
        <source>申请人确认屏：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="124"/>
        <source>临时编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="125"/>
        <source>案件已安全保存在本机，正在后台上报受理中心…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="128"/>
        <source>办件编号：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="129"/>
        <source>受理中心已接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/confirm_page.py" line="131"/>
        <source>承诺办结日期：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerLink</name>
    <message>
        <location filename="../../desk_app/ui/customer_link.py" line="24"/>
        <source>申请人确认屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_link.py" line="32"/>
        <source>申请人认为信息有误，请与申请人核对后修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_link.py" line="54"/>
        <source>申请人已确认信息，正在签名…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_link.py" line="59"/>
        <source>申请人已确认并签名</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="118"/>
        <source>综窗受理台 — 办事群众屏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="150"/>
        <source>请出示身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="152"/>
        <source>工作人员会为您办理，请稍候。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="166"/>
        <source>请核对您的办理信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="182"/>
        <source>确认无误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="185"/>
        <source>有误，请告知工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="201"/>
        <source>请在下面的白框里签名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="207"/>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="209"/>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="226"/>
        <source>很抱歉让您不满意。请点选原因，然后点提交评价。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="231"/>
        <source>谢谢您！</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="233"/>
        <source>请带好您的证件和随身物品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="257"/>
        <source>欢迎来到 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="258"/>
        <source>欢迎办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="259"/>
        <source>请 %1 号办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="262"/>
        <source>您好，请 %1 号办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="263"/>
        <source>您好，欢迎办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="264"/>
        <source>请出示身份证。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="271"/>
        <source>请核对屏幕上的办理信息。没有问题，请点确认无误。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="275"/>
        <source>申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="276"/>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="278"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="280"/>
        <source>代办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="282"/>
        <source>代办人证件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="284"/>
        <source>办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="286"/>
        <source>提交材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="289"/>
        <source>承诺办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="299"/>
        <source>请在屏幕的白框里签名，签好后点完成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="303"/>
        <source>请对本次服务作出评价。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="306"/>
        <source>谢谢您，请带好证件和随身物品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="313"/>
        <source>已确认，请稍候。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="318"/>
        <location filename="../../desk_app/ui/customer_screen.py" line="319"/>
        <source>已通知工作人员，请告诉工作人员哪里有误。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="328"/>
        <source>请先签名，再点“完成”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/customer_screen.py" line="329"/>
        <source>请先签名，再点完成。</source>
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
    <name>FormView</name>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="97"/>
        <source>填写申请表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="131"/>
        <source>填写申请表：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="134"/>
        <source>一表申请：{n} 项共用信息只需填写一次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="162"/>
        <source>共用信息（各事项只填一次）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="233"/>
        <source>注意：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_view.py" line="322"/>
        <source>尚未选择办理事项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPickerPage</name>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="29"/>
        <source>选择办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="32"/>
        <source>输入事项名称、编码、拼音或首字母，回车选中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="39"/>
        <source>↑↓ 选择，回车加入本次办件；Delete 移除已选事项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/item_picker_page.py" line="46"/>
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
        <location filename="../../desk_app/ui/main_window.py" line="53"/>
        <source>综窗受理台 — %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="60"/>
        <source>① 申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="60"/>
        <source>② 事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="60"/>
        <source>③ 表单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="61"/>
        <source>④ 材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="61"/>
        <source>⑤ 决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="61"/>
        <source>⑥ 确认受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="82"/>
        <source>上一步 (Ctrl+PgUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="83"/>
        <source>下一步 (Ctrl+PgDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="166"/>
        <source>请至少选择一个办理事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="180"/>
        <source>材料未齐：%1。请选择容缺受理或一次性告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="184"/>
        <source>以下材料选择了扫描/上传，但还没有拍摄或导入：%1（在材料步骤按 F4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="226"/>
        <source>正在读卡…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="234"/>
        <source>已读取代办人证件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="296"/>
        <source>回执打印失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="298"/>
        <source>案件已保存，可在办件记录中补打回执。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/main_window.py" line="314"/>
        <source>通知书</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaterialsHost</name>
    <message>
        <location filename="../../desk_app/ui/step_hosts.py" line="83"/>
        <source>拍摄/导入选定为扫描的材料 (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/step_hosts.py" line="124"/>
        <source>待拍摄：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaterialsScreen</name>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="155"/>
        <source>拍摄（空格 / F8）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="157"/>
        <source>自动拍摄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="159"/>
        <source>使用整幅画面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="162"/>
        <source>导入文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="169"/>
        <source>图像模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="187"/>
        <source>前移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="188"/>
        <source>后移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="189"/>
        <source>旋转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="190"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="191"/>
        <source>重拍</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="199"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="207"/>
        <source>已拍页面</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="241"/>
        <source>要求：{0}
可用方式：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="271"/>
        <source>已采集 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="271"/>
        <source>未采集</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="283"/>
        <source>该材料不能拍摄，请导入文件或选择其他方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="285"/>
        <source>正在拍摄…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="294"/>
        <source>正在导入 {0} 个文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="300"/>
        <source>导入材料文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="302"/>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.heic *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="317"/>
        <source>已拍第 {0} 页（{1} KB）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="360"/>
        <source>重拍第 {0} 页：放好材料后按空格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="378"/>
        <source>第 {0} 页</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaterialsView</name>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="40"/>
        <source>收取材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="44"/>
        <source>材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="44"/>
        <source>用于事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="44"/>
        <source>要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="44"/>
        <source>提供方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="45"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="75"/>
        <source>份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="79"/>
        <source>（未提供）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="85"/>
        <source>（{n} 个工作日内）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="139"/>
        <source>需提供 {r} 项，尚缺 {m} 项，免提交 {e} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="145"/>
        <source>本次无需提供</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="147"/>
        <source>容缺，须于 {d} 前补交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/form_materials.py" line="149"/>
        <source>证照号：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../desk_app/ui/materials_screen.py" line="83"/>
        <source>正在打开高拍仪…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="86"/>
        <source>打印预览：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="102"/>
        <source>共 %1 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="104"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="105"/>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="107"/>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="122"/>
        <source>打印通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="130"/>
        <source>打印失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="133"/>
        <source>已发送到打印机：%1 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="138"/>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="138"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="149"/>
        <source>保存失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="150"/>
        <source>无法保存到 %1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/print_preview.py" line="155"/>
        <source>已保存：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="67"/>
        <source>当前叫号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="68"/>
        <location filename="../../desk_app/ui/queue_panel.py" line="154"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="71"/>
        <location filename="../../desk_app/ui/queue_panel.py" line="295"/>
        <source>按 F5 叫下一位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="75"/>
        <source>叫号 (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="77"/>
        <source>重呼 (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="78"/>
        <source>过号 (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="79"/>
        <source>转移 (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="80"/>
        <source>取号 (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="100"/>
        <source>转到哪个窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="102"/>
        <source>确定转移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="104"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="108"/>
        <source>转到窗口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="120"/>
        <source>手工输入票号，如 A012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="122"/>
        <source>使用此票号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="188"/>
        <source>叫号系统连不上受理中心。可在下面手工输入群众手中的票号继续办理，网络恢复后再按 F5 叫号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="192"/>
        <source>叫号操作失败（%1），请重试或手工输入票号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="199"/>
        <source>目前没有等候的群众。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="203"/>
        <source>叫号系统的应答里没有票号，请重试或手工输入票号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="205"/>
        <source>请 %1 号到本窗口办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="207"/>
        <source>正在叫号…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="221"/>
        <source>已重呼 %1 号（第 %2 次）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="232"/>
        <source>%1 号已过号；按 F5 叫下一位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="252"/>
        <source>请先选择或输入要转到的窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="255"/>
        <source>不能转到本窗口，请选择其他窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="260"/>
        <source>%1 号已转到 %2 窗口。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="274"/>
        <source>已取号 %1（%2，前面还有 %3 人）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="285"/>
        <source>票号应为一个字母加数字，如 A012；请照群众手中的票填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue_panel.py" line="288"/>
        <source>已按手工票号 %1 办理。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="100"/>
        <source>等候时间太长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="100"/>
        <source>办理速度慢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="100"/>
        <source>工作人员态度不好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="101"/>
        <source>业务不熟、解释不清</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="101"/>
        <source>材料要求太多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="101"/>
        <source>需要来回跑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="102"/>
        <source>设备或系统出故障</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="107"/>
        <source>请您对本次服务作出评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="114"/>
        <source>办事效率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="114"/>
        <source>业务能力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="115"/>
        <source>服务态度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="123"/>
        <source>点一下您的总体感受；下面三项可以再细调。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="126"/>
        <location filename="../../desk_app/ui/rating_view.py" line="172"/>
        <source>提交评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="152"/>
        <source>很抱歉让您不满意，请告诉我们原因（可多选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="166"/>
        <source>其他原因，可以在这里写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="170"/>
        <source>返回修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/rating_view.py" line="220"/>
        <source>请至少选择一项原因，或写下原因</source>
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
<context>
    <name>SelectEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="161"/>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_table.py" line="33"/>
        <source>添加一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/field_table.py" line="34"/>
        <source>删除所选行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
