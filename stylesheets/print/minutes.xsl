<?xml version="1.0" encoding="UTF-8"?>
<!-- minutes.xsl: maps a compiled minutes tree to the print vocabulary (title block, attendance, numbered items, decisions, actions, register). -->
<!--
  One A4 master: running header body | meeting date, footer DRAFT or the
  partnership | "Page N of M".  Items: a titled item is a heading whose
  label is its c:number (level 2 at the top, 3 for sub-items…); an
  untitled numbered sub-item is a one-item list labelled by its number,
  which gives the same hanging column.  Actions are kept-together boxes
  with the owners' initials in the margin column (box@side), as the
  original minutes print them.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:minutes s:meeting s:item"/>

  <!-- Top-level items by their printed number, for the register's links. -->
  <xsl:key name="item-by-number" match="s:minutes/s:item" use="@c:number"/>
  <!-- Attendees of one list by organisation (layout by-organisation). -->
  <xsl:key name="attendee-by-org" match="s:attendee"
      use="concat(generate-id(..), '|', @c:org-name)"/>

  <xsl:variable name="draft" select="/s:minutes/@c:status = 'draft'"/>
  <!-- Background of action boxes: a warm light grey that prints on any printer. -->
  <xsl:variable name="action-shade" select="'#f3efe6'"/>
  <!-- The draft notice on the first page. -->
  <xsl:variable name="draft-colour" select="'#a4111d'"/>

  <!-- ============================================================ document -->

  <xsl:template match="/s:minutes">
    <xsl:variable name="m" select="s:meeting"/>
    <document subject="Minutes" date="{$m/s:date}">
      <xsl:attribute name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="@c:date-display"/>
      </xsl:attribute>
      <xsl:attribute name="author">
        <xsl:choose>
          <xsl:when test="$m/s:partnership"><xsl:value-of select="$m/s:partnership"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$m/s:body"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="@c:lang"><xsl:value-of select="@c:lang"/></xsl:when>
          <xsl:otherwise>en-GB</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$draft">
        <xsl:attribute name="watermark">DRAFT</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="page-master">
        <xsl:with-param name="header-left"><xsl:value-of select="$m/s:body"/></xsl:with-param>
        <xsl:with-param name="header-right"><xsl:value-of select="@c:date-display"/></xsl:with-param>
        <xsl:with-param name="footer-left">
          <xsl:choose>
            <xsl:when test="$draft">DRAFT</xsl:when>
            <xsl:otherwise><xsl:value-of select="$m/s:partnership"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="footer-right">
          <xsl:text>Page </xsl:text>
          <page-number/>
          <xsl:text> of </xsl:text>
          <page-count/>
        </xsl:with-param>
      </xsl:call-template>
      <flow master="page">
        <xsl:call-template name="title-block"/>
        <xsl:apply-templates select="s:attendance | s:item | s:next-meeting" mode="block"/>
        <xsl:apply-templates select="c:register"/>
        <xsl:apply-templates select="s:glossary"/>
      </flow>
    </document>
  </xsl:template>

  <!-- Draft notice, partnership, title, the body where the title does not
       name it, then date, time, venue and chair, and a rule. -->
  <xsl:template name="title-block">
    <xsl:variable name="m" select="s:meeting"/>
    <xsl:if test="$draft">
      <para bold="yes" colour="{$draft-colour}" space-after="6">DRAFT – these minutes have not yet been approved.</para>
    </xsl:if>
    <xsl:if test="$m/s:partnership">
      <para bold="yes" size="10" colour="{$muted}" space-after="2"><xsl:value-of select="$m/s:partnership"/></para>
    </xsl:if>
    <heading level="1" size="17" space-after="6"><xsl:value-of select="@c:title"/></heading>
    <xsl:if test="not(contains(@c:title, $m/s:body))">
      <para bold="yes" size="12" space-after="4"><xsl:value-of select="$m/s:body"/></para>
    </xsl:if>
    <para space-after="1"><b>Date: </b><xsl:value-of select="@c:weekday-display"/></para>
    <xsl:if test="@c:start-display">
      <para space-after="1">
        <b>Time: </b>
        <xsl:value-of select="@c:start-display"/>
        <xsl:if test="@c:end-display">
          <xsl:text> to </xsl:text>
          <xsl:value-of select="@c:end-display"/>
        </xsl:if>
      </para>
    </xsl:if>
    <xsl:if test="$m/s:venue">
      <para space-after="1"><b>Venue: </b><xsl:value-of select="$m/s:venue"/></para>
    </xsl:if>
    <xsl:if test="@c:chair-name">
      <para space-after="1"><b>Chair: </b><xsl:value-of select="@c:chair-name"/></para>
    </xsl:if>
    <rule space-before="8" space-after="6"/>
  </xsl:template>

  <!-- s:heading is one level below the nearest titled item. -->
  <xsl:template name="section-rank">
    <xsl:value-of select="count(ancestor::s:item[s:title]) + 1"/>
  </xsl:template>

  <!-- Items and actions are link targets too. -->
  <xsl:template name="has-target">
    <xsl:param name="id"/>
    <xsl:if test="//s:item[@c:id = $id] | //s:action[@c:id = $id]
        | //s:p[@id = $id] | //s:table[@id = $id] | //s:ul[@id = $id]
        | //s:ol[@id = $id] | //s:heading[@id = $id] | //s:quote[@id = $id]">y</xsl:if>
  </xsl:template>

  <!-- ============================================================ attendance -->

  <xsl:template match="s:attendance">
    <xsl:if test="parent::s:minutes">
      <heading level="2" size="12" space-before="10" space-after="4">Attendance</heading>
    </xsl:if>
    <xsl:variable name="p" select="s:present/s:attendee"/>
    <xsl:variable name="a" select="s:apologies[@c:style != 'sentence']/s:attendee"/>
    <xsl:choose>
      <xsl:when test="@c:layout = 'side-by-side' and $p and $a">
        <xsl:call-template name="attendance-side-by-side">
          <xsl:with-param name="p" select="$p"/>
          <xsl:with-param name="a" select="$a"/>
        </xsl:call-template>
        <xsl:apply-templates select="s:in-attendance | s:observers | s:apologies[@c:style = 'sentence']"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Present and apologies in parallel columns, as the original prints
       them: Present | Organisation | Apologies | Organisation. -->
  <xsl:template name="attendance-side-by-side">
    <xsl:param name="p"/>
    <xsl:param name="a"/>
    <xsl:variable name="longer" select="$p[count($p) &gt;= count($a)] | $a[count($a) &gt; count($p)]"/>
    <table borders="rows" widths="24 26 24 26" space-before="4" space-after="8">
      <row header="yes">
        <cell><para><xsl:for-each select="$p[1]/.."><xsl:call-template name="attendees-caption"/></xsl:for-each></para></cell>
        <cell><para>Organisation</para></cell>
        <cell><para><xsl:for-each select="$a[1]/.."><xsl:call-template name="attendees-caption"/></xsl:for-each></para></cell>
        <cell><para>Organisation</para></cell>
      </row>
      <xsl:for-each select="$longer">
        <xsl:variable name="i" select="position()"/>
        <row>
          <xsl:call-template name="name-org-cells">
            <xsl:with-param name="who" select="$p[$i]"/>
          </xsl:call-template>
          <xsl:call-template name="name-org-cells">
            <xsl:with-param name="who" select="$a[$i]"/>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Two cells: WHO's name and organisation (both empty when no WHO). -->
  <xsl:template name="name-org-cells">
    <xsl:param name="who"/>
    <xsl:call-template name="text-cell">
      <xsl:with-param name="text">
        <xsl:for-each select="$who"><xsl:call-template name="attendee-name"/></xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text-cell">
      <xsl:with-param name="text">
        <xsl:for-each select="$who">
          <xsl:value-of select="@c:org-name"/>
          <xsl:if test="@role">
            <xsl:if test="@c:org-name">, </xsl:if>
            <xsl:value-of select="@role"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Present (15)". -->
  <xsl:template name="attendees-caption">
    <xsl:choose>
      <xsl:when test="self::s:present">Present</xsl:when>
      <xsl:when test="self::s:apologies">Apologies</xsl:when>
      <xsl:when test="self::s:in-attendance">In attendance</xsl:when>
      <xsl:when test="self::s:observers">Observers</xsl:when>
    </xsl:choose>
    <xsl:if test="@c:count">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="@c:count"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:present | s:apologies | s:in-attendance | s:observers">
    <xsl:variable name="layout" select="../@c:layout"/>
    <xsl:choose>
      <xsl:when test="@c:style = 'sentence' or not(s:attendee)">
        <para space-before="2" space-after="6"><xsl:call-template name="attendees-sentence"/></para>
      </xsl:when>
      <xsl:when test="$layout = 'by-organisation'">
        <xsl:variable name="list" select="generate-id()"/>
        <table borders="rows" widths="40 60" space-before="4" space-after="8">
          <caption><xsl:call-template name="attendees-caption"/></caption>
          <row header="yes">
            <cell><para>Organisation</para></cell>
            <cell><para>Name</para></cell>
          </row>
          <xsl:for-each select="s:attendee[generate-id() =
              generate-id(key('attendee-by-org', concat($list, '|', @c:org-name))[1])]">
            <row>
              <xsl:call-template name="text-cell">
                <xsl:with-param name="header" select="'row'"/>
                <xsl:with-param name="text">
                  <xsl:choose>
                    <xsl:when test="@c:org-name"><xsl:value-of select="@c:org-name"/></xsl:when>
                    <xsl:otherwise>Other</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:call-template name="text-cell">
                <xsl:with-param name="text">
                  <xsl:for-each select="key('attendee-by-org', concat($list, '|', @c:org-name))">
                    <xsl:if test="position() != 1">, </xsl:if>
                    <xsl:call-template name="attendee-name"/>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:when test="$layout = 'side-by-side'">
        <table borders="rows" widths="45 55" space-before="4" space-after="8">
          <caption><xsl:call-template name="attendees-caption"/></caption>
          <row header="yes">
            <cell><para>Name</para></cell>
            <cell><para>Organisation</para></cell>
          </row>
          <xsl:for-each select="s:attendee">
            <row>
              <xsl:call-template name="name-org-cells">
                <xsl:with-param name="who" select="."/>
              </xsl:call-template>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="attendees-table"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- layout table: Name | Post/Organisation | Role; a column nobody in
       this list fills is left out. -->
  <xsl:template name="attendees-table">
    <xsl:variable name="post" select="s:attendee[@c:post or @c:org-name]"/>
    <xsl:variable name="role" select="s:attendee[@role]"/>
    <table borders="rows" space-before="4" space-after="8">
      <xsl:attribute name="widths">
        <xsl:choose>
          <xsl:when test="$post and $role">28 42 30</xsl:when>
          <xsl:when test="$post">35 65</xsl:when>
          <xsl:when test="$role">40 60</xsl:when>
          <xsl:otherwise>100</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <caption><xsl:call-template name="attendees-caption"/></caption>
      <row header="yes">
        <cell><para>Name</para></cell>
        <xsl:if test="$post"><cell><para>Post/Organisation</para></cell></xsl:if>
        <xsl:if test="$role"><cell><para>Role</para></cell></xsl:if>
      </row>
      <xsl:for-each select="s:attendee">
        <row>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="header" select="'row'"/>
            <xsl:with-param name="text"><xsl:call-template name="attendee-name"/></xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$post">
            <xsl:call-template name="text-cell">
              <xsl:with-param name="text">
                <xsl:value-of select="@c:post"/>
                <xsl:if test="@c:post and @c:org-name">, </xsl:if>
                <xsl:value-of select="@c:org-name"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$role">
            <xsl:call-template name="text-cell">
              <xsl:with-param name="text" select="string(@role)"/>
            </xsl:call-template>
          </xsl:if>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- "Councillor C Hart (Chair)", "Clare Usherwood (representing Ian Bates)". -->
  <xsl:template name="attendee-name">
    <xsl:value-of select="@c:name"/>
    <xsl:if test="@c:chair = 'yes' or @c:representing-name or @part">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="attendee-notes"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="attendee-notes">
    <xsl:if test="@c:chair = 'yes'">Chair</xsl:if>
    <xsl:if test="@c:representing-name">
      <xsl:if test="@c:chair = 'yes'">; </xsl:if>
      <xsl:text>representing </xsl:text>
      <xsl:value-of select="@c:representing-name"/>
    </xsl:if>
    <xsl:if test="@part">
      <xsl:if test="@c:chair = 'yes' or @c:representing-name">; </xsl:if>
      <xsl:text>for </xsl:text>
      <xsl:value-of select="@part"/>
    </xsl:if>
  </xsl:template>

  <!-- "Apologies for absence were submitted on behalf of X (Org), Y (Org)
       and Z (Org)." -->
  <xsl:template name="attendees-sentence">
    <xsl:choose>
      <xsl:when test="not(s:attendee)">
        <xsl:choose>
          <xsl:when test="self::s:apologies">There were no apologies for absence.</xsl:when>
          <xsl:when test="self::s:present">No one was recorded as present.</xsl:when>
          <xsl:when test="self::s:in-attendance">No one else was in attendance.</xsl:when>
          <xsl:otherwise>There were no observers.</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="self::s:apologies">Apologies for absence were submitted on behalf of </xsl:when>
          <xsl:when test="self::s:present"><b>Present: </b></xsl:when>
          <xsl:when test="self::s:in-attendance"><b>Also in attendance: </b></xsl:when>
          <xsl:otherwise><b>Observers: </b></xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="s:attendee">
          <xsl:if test="position() != 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="@c:name"/>
          <xsl:if test="@c:org-short or @c:chair = 'yes' or @c:representing-name or @part">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@c:org-short"/>
            <xsl:if test="@c:org-short and (@c:chair = 'yes' or @c:representing-name or @part)">; </xsl:if>
            <xsl:call-template name="attendee-notes"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ items -->

  <xsl:template match="s:item">
    <xsl:variable name="rank" select="count(ancestor-or-self::s:item[s:title]) + 1"/>
    <xsl:choose>
      <xsl:when test="s:title">
        <heading id="{@c:id}">
          <xsl:attribute name="level">
            <xsl:choose>
              <xsl:when test="$rank &gt; 6">6</xsl:when>
              <xsl:otherwise><xsl:value-of select="$rank"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:choose>
            <xsl:when test="$rank = 2">
              <xsl:attribute name="size">12</xsl:attribute>
              <xsl:attribute name="space-before">14</xsl:attribute>
              <xsl:attribute name="space-after">5</xsl:attribute>
            </xsl:when>
            <xsl:when test="$rank = 3">
              <xsl:attribute name="size">11</xsl:attribute>
              <xsl:attribute name="space-before">9</xsl:attribute>
              <xsl:attribute name="space-after">4</xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="size">10.5</xsl:attribute>
              <xsl:attribute name="space-before">7</xsl:attribute>
              <xsl:attribute name="space-after">3</xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@c:number">
            <xsl:attribute name="label"><xsl:value-of select="@c:number"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="s:title/node()"/>
        </heading>
        <xsl:call-template name="item-meta"/>
        <xsl:apply-templates select="*[not(self::s:title)]" mode="block"/>
      </xsl:when>
      <!-- An untitled numbered item: its number in a label column. -->
      <xsl:when test="@c:number">
        <list id="{@c:id}" space-before="4">
          <xsl:attribute name="label-width">
            <xsl:call-template name="label-width">
              <xsl:with-param name="labels" select="../s:item/@c:number"/>
            </xsl:call-template>
          </xsl:attribute>
          <item label="{@c:number}">
            <xsl:call-template name="item-meta"/>
            <xsl:apply-templates select="*" mode="block"/>
          </item>
        </list>
      </xsl:when>
      <xsl:otherwise>
        <box id="{@c:id}">
          <xsl:call-template name="item-meta"/>
          <xsl:apply-templates select="*" mode="block"/>
        </box>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "(min 21/10 refers)", "Presented by …". -->
  <xsl:template name="item-meta">
    <xsl:if test="@c:refers or @c:presenter-names">
      <para italic="yes" colour="{$muted}" space-after="4">
        <xsl:if test="@c:refers">
          <xsl:text>(min </xsl:text>
          <xsl:value-of select="@c:refers"/>
          <xsl:text> refers)</xsl:text>
        </xsl:if>
        <xsl:if test="@c:refers and @c:presenter-names"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="@c:presenter-names">
          <xsl:text>Presented by </xsl:text>
          <xsl:value-of select="@c:presenter-names"/>
        </xsl:if>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ decisions -->

  <!-- "RESOLVED that …" / "RESOLVED …" / "AGREED: …" / "RECOMMENDED: …",
       then the parts as a list labelled "1)", "2)". -->
  <xsl:template match="s:resolved | s:agreed | s:recommendation">
    <xsl:variable name="lead" select="node()[not(self::s:part)][not(preceding-sibling::s:part)]"/>
    <xsl:variable name="after" select="node()[not(self::s:part)][preceding-sibling::s:part]"/>
    <xsl:variable name="has-lead" select="$lead[self::* or normalize-space(.) != '']"/>
    <para space-before="2" space-after="6">
      <xsl:call-template name="copy-id"/>
      <xsl:if test="s:part">
        <xsl:attribute name="keep-with-next">yes</xsl:attribute>
      </xsl:if>
      <b>
        <xsl:choose>
          <xsl:when test="self::s:resolved">RESOLVED</xsl:when>
          <xsl:when test="self::s:agreed">AGREED:</xsl:when>
          <xsl:otherwise>RECOMMENDED:</xsl:otherwise>
        </xsl:choose>
      </b>
      <xsl:if test="self::s:resolved and not(@that = 'no')"> that</xsl:if>
      <xsl:choose>
        <xsl:when test="$has-lead">
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="$lead"/>
        </xsl:when>
        <xsl:when test="self::s:resolved">:</xsl:when>
      </xsl:choose>
    </para>
    <xsl:if test="s:part">
      <list label-width="20" space-after="6">
        <xsl:for-each select="s:part">
          <item label="{@c:number}"><para><xsl:apply-templates/></para></item>
        </xsl:for-each>
      </list>
    </xsl:if>
    <xsl:if test="$after[self::* or normalize-space(.) != '']">
      <para space-after="6"><xsl:apply-templates select="$after"/></para>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ actions -->

  <!-- "Action: text (Owner: names; due …)", the owners' initials in the
       margin column; kept on one page. -->
  <xsl:template match="s:action">
    <box keep-together="yes" role="Div" side="{@c:owner-initials}" id="{@c:id}"
        shade="{$action-shade}" padding="4" space-before="3" space-after="8">
      <para>
        <b>Action:</b>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="node()[self::* or normalize-space(.) != '']">
            <xsl:apply-templates/>
            <xsl:text> (Owner: </xsl:text>
            <xsl:value-of select="@c:owner-names"/>
            <xsl:call-template name="action-due"/>
            <xsl:text>)</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@c:owner-names"/>
            <xsl:if test="@c:due-display or @c:status != 'open'">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="action-due">
                <xsl:with-param name="sep" select="''"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </para>
    </box>
  </xsl:template>

  <!-- "; due 30 September 2010; ongoing" (SEP before the first part). -->
  <xsl:template name="action-due">
    <xsl:param name="sep" select="'; '"/>
    <xsl:if test="@c:due-display">
      <xsl:value-of select="$sep"/>
      <xsl:text>due </xsl:text>
      <xsl:value-of select="@c:due-display"/>
    </xsl:if>
    <xsl:if test="@c:status != 'open'">
      <xsl:if test="@c:due-display or $sep != ''">; </xsl:if>
      <xsl:value-of select="@c:status"/>
    </xsl:if>
  </xsl:template>

  <!-- open, ongoing, closed → Open, Ongoing, Closed. -->
  <xsl:template name="status-word">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'open'">Open</xsl:when>
      <xsl:when test="$status = 'ongoing'">Ongoing</xsl:when>
      <xsl:when test="$status = 'closed'">Closed</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:action-updates">
    <table borders="grid" space-before="4" space-after="8">
      <caption>
        <xsl:choose>
          <xsl:when test="@c:from-display">
            <xsl:text>Actions from the meeting of </xsl:text>
            <xsl:value-of select="@c:from-display"/>
          </xsl:when>
          <xsl:otherwise>Actions from the previous meeting</xsl:otherwise>
        </xsl:choose>
      </caption>
      <row header="yes">
        <cell><para>Number</para></cell>
        <cell><para>Action</para></cell>
        <cell><para>Lead</para></cell>
        <cell><para>Update</para></cell>
        <cell><para>Status</para></cell>
      </row>
      <xsl:for-each select="s:carried">
        <row>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="text" select="string(@number)"/>
          </xsl:call-template>
          <cell><para><xsl:apply-templates select="s:task/node()"/></para></cell>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="text" select="string(@c:lead-names)"/>
          </xsl:call-template>
          <cell><para><xsl:apply-templates select="s:progress/node()"/></para></cell>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="text">
              <xsl:call-template name="status-word">
                <xsl:with-param name="status" select="@c:status"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- ============================================================ declarations, next meeting -->

  <xsl:template match="s:declarations">
    <xsl:choose>
      <xsl:when test="@c:count = 0 or not(s:declaration)">
        <para space-after="6">None were declared.</para>
      </xsl:when>
      <xsl:otherwise>
        <list label-width="14" space-after="6">
          <xsl:for-each select="s:declaration">
            <item label="•">
              <para>
                <b><xsl:value-of select="@c:by-name"/></b>
                <xsl:if test="node()[self::* or normalize-space(.) != '']">
                  <xsl:text>: </xsl:text>
                  <xsl:apply-templates/>
                </xsl:if>
              </para>
            </item>
          </xsl:for-each>
        </list>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:next-meeting">
    <xsl:if test="parent::s:minutes">
      <heading level="2" size="12" space-before="14" space-after="5">Date of next meeting</heading>
    </xsl:if>
    <para space-after="6">
      <xsl:text>The next meeting will be held on </xsl:text>
      <b><xsl:value-of select="@c:date-display"/></b>
      <xsl:if test="@c:time-display">
        <xsl:text> at </xsl:text>
        <xsl:value-of select="@c:time-display"/>
      </xsl:if>
      <xsl:if test="@venue">
        <xsl:text>, </xsl:text>
        <xsl:value-of select="@venue"/>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <xsl:if test="node()[self::* or normalize-space(.) != '']">
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </xsl:if>
    </para>
  </xsl:template>

  <!-- ============================================================ register -->

  <!-- An underlined item title copied into the register reads as a link
       there; print its words only. -->
  <xsl:template match="c:entry//s:u">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The closing table of every action (the heading keeps with it). -->
  <xsl:template match="c:register">
    <xsl:variable name="status" select="c:entry[@status != 'open']"/>
    <heading level="2" size="12" space-before="16" space-after="5" keep-with-next="yes">Actions</heading>
    <table borders="rows" space-before="2" space-after="8">
      <xsl:attribute name="widths">
        <xsl:choose>
          <xsl:when test="$status">6 42 20 12 10 10</xsl:when>
          <xsl:otherwise>7 47 22 13 11</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <row header="yes">
        <cell><para>No.</para></cell>
        <cell><para>Action</para></cell>
        <cell><para>Owner</para></cell>
        <cell><para>Due</para></cell>
        <cell><para>Item</para></cell>
        <xsl:if test="$status"><cell><para>Status</para></cell></xsl:if>
      </row>
      <xsl:for-each select="c:entry">
        <xsl:variable name="item" select="key('item-by-number', @item)[1]"/>
        <row>
          <cell><para><link href="#{@action}"><xsl:value-of select="@number"/></link></para></cell>
          <cell><para><xsl:apply-templates/></para></cell>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="text" select="string(@owners)"/>
          </xsl:call-template>
          <xsl:call-template name="text-cell">
            <xsl:with-param name="text" select="string(@due)"/>
          </xsl:call-template>
          <cell>
            <xsl:if test="@item">
              <para>
                <xsl:choose>
                  <xsl:when test="$item">
                    <link href="#{$item/@c:id}"><xsl:value-of select="@item"/></link>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@item"/></xsl:otherwise>
                </xsl:choose>
              </para>
            </xsl:if>
          </cell>
          <xsl:if test="$status">
            <xsl:call-template name="text-cell">
              <xsl:with-param name="text">
                <xsl:call-template name="status-word">
                  <xsl:with-param name="status" select="@status"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

</xsl:stylesheet>
