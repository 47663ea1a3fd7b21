<?xml version="1.0" encoding="UTF-8"?>
<!-- reference.xsl: the vocabulary reference, one HTML page per document kind, from the schemas' own annotations (run by doc/refgen.c). -->
<!--
  Input (doc/refgen.c): r:reference holding one r:schema per schema file
  (its @kind, and a copy of the xs:schema) and r:examples, the first
  occurrence in the samples of each element, by name and by "parent/name".
  The parameter page names the page to write: a kind, "common" or "index".
  Every schema shares one target namespace, so a name means one global
  declaration across all of them: the keys below look it up anywhere.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:csdoc:reference"
    exclude-result-prefixes="xs r">

  <!-- doctype-system about:legacy-compat makes libxslt write <!DOCTYPE html>;
       the charset is the http-equiv meta below, which libxml2's HTML writer
       would otherwise add a second time. -->
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:param name="page" select="'index'"/>

  <xsl:key name="gelem" match="xs:schema/xs:element" use="@name"/>
  <xsl:key name="ctype" match="xs:schema/xs:complexType" use="@name"/>
  <xsl:key name="stype" match="xs:schema/xs:simpleType" use="@name"/>
  <xsl:key name="group" match="xs:schema/xs:group" use="@name"/>
  <xsl:key name="agroup" match="xs:schema/xs:attributeGroup" use="@name"/>
  <xsl:key name="gattr" match="xs:schema/xs:attribute" use="@name"/>
  <xsl:key name="example" match="r:example" use="@key"/>

  <xsl:variable name="here" select="/r:reference/r:schema[@kind = $page]"/>

  <!-- ================================================================ page -->

  <xsl:template match="/">
    <html lang="en-GB">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:choose>
            <xsl:when test="$here">
              <xsl:call-template name="kind-title"><xsl:with-param name="kind" select="$page"/></xsl:call-template>
              <xsl:text>: csdoc vocabulary reference</xsl:text>
            </xsl:when>
            <xsl:otherwise>csdoc vocabulary reference</xsl:otherwise>
          </xsl:choose>
        </title>
        <style>
body { font-family: "Liberation Sans", Arial, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60em; padding: 0 1em; color: #111; background: #fff; }
a { color: #0b4f8a; }
code, pre { font-family: "Liberation Mono", monospace; }
pre { background: #f3f3f3; border: 1px solid #ccc; padding: 0.5em; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
section.decl, section.types { border-top: 1px solid #999; margin-top: 1.5em; }
.where { color: #333; font-style: italic; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
ul.names { padding-left: 1.2em; columns: 14em; }
nav ul { padding-left: 1.2em; }
        </style>
      </head>
      <body>
        <header>
          <nav aria-label="Kinds of document">
            <ul>
              <li><a href="index.html">Index</a></li>
              <xsl:for-each select="/r:reference/r:schema">
                <li>
                  <a href="{@kind}.html">
                    <xsl:if test="@kind = $page"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                    <xsl:call-template name="kind-title"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main>
          <xsl:choose>
            <xsl:when test="$here"><xsl:apply-templates select="$here" mode="page"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="index"/></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="kind-title">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'minutes'">Minutes</xsl:when>
      <xsl:when test="$kind = 'agreement'">Community Safety Agreement</xsl:when>
      <xsl:when test="$kind = 'performance-report'">Performance report</xsl:when>
      <xsl:when test="$kind = 'report'">Board paper</xsl:when>
      <xsl:when test="$kind = 'meeting-pack'">Meeting pack</xsl:when>
      <xsl:otherwise>Shared by every kind</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="index">
    <h1>csdoc vocabulary reference</h1>
    <p>Every element and attribute a csdoc source may use, what it means, and
    what csdoc checks and computes from it. Each kind of document has its own
    page; what every kind shares (the registry, text, tables, figures,
    charts) has one page of its own. The words come from the schemas in
    <code>schemas/</code>, and each example is the element's first use in the
    samples.</p>
    <ul>
      <xsl:for-each select="/r:reference/r:schema">
        <li>
          <a href="{@kind}.html">
            <xsl:call-template name="kind-title"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
          </a>
          <xsl:if test="@kind != 'common'">
            <xsl:text> (</xsl:text><code>&lt;<xsl:value-of select="@kind"/>&gt;</code><xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="count(.//xs:element[@name])"/>
          <xsl:text> elements. </xsl:text>
          <xsl:value-of select="normalize-space(xs:schema/xs:element[@name = current()/@kind]/xs:annotation/xs:documentation)"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="r:schema" mode="page">
    <h1>
      <xsl:call-template name="kind-title"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
    </h1>
    <xsl:variable name="root" select="xs:schema/xs:element[@name = current()/@kind]"/>
    <xsl:choose>
      <xsl:when test="$root">
        <p>A <code>&lt;<xsl:value-of select="@kind"/>&gt;</code> source: what each element and attribute means. Elements shared with the other kinds are on the page <a href="common.html">Shared by every kind</a>.</p>
      </xsl:when>
      <xsl:otherwise>
        <p>The elements and attributes every kind of document shares: the registry of people and organisations, text, lists, tables, figures, charts, footnotes and the glossary.</p>
      </xsl:otherwise>
    </xsl:choose>
    <nav aria-labelledby="contents-heading">
      <h2 id="contents-heading">Elements on this page</h2>
      <ul class="names">
        <xsl:for-each select=".//xs:element[@name]">
          <li>
            <a>
              <xsl:attribute name="href">#<xsl:call-template name="anchor"/></xsl:attribute>
              <code><xsl:value-of select="@name"/></code>
            </a>
            <xsl:if test="not(parent::xs:schema)">
              <xsl:text> in </xsl:text><xsl:call-template name="owner-name"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
    <xsl:apply-templates select=".//xs:element[@name]" mode="decl"/>
    <xsl:if test="xs:schema/xs:simpleType[@name] | xs:schema/xs:complexType[@name][xs:annotation]">
      <section class="types" aria-labelledby="types-heading">
        <h2 id="types-heading">Kinds of value</h2>
        <dl>
          <xsl:for-each select="xs:schema/xs:simpleType[@name] | xs:schema/xs:complexType[@name][xs:annotation]">
            <dt id="type-{@name}"><code><xsl:value-of select="@name"/></code></dt>
            <dd>
              <xsl:call-template name="doc"/>
              <xsl:call-template name="values"/>
            </dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================= one element -->

  <xsl:template match="xs:element" mode="decl">
    <xsl:variable name="id"><xsl:call-template name="anchor"/></xsl:variable>
    <!-- plain sections, not labelled regions: two local elements may share
         a name, and landmarks must have distinct names -->
    <section class="decl">
      <h2 id="{$id}">
        <code>&lt;<xsl:value-of select="@name"/>&gt;</code>
        <xsl:if test="not(parent::xs:schema)">
          <xsl:text> in </xsl:text><xsl:call-template name="owner-name"/>
        </xsl:if>
      </h2>
      <xsl:if test="not(parent::xs:schema)">
        <p class="where">Inside <xsl:call-template name="owner-link"/>.</p>
      </xsl:if>
      <xsl:call-template name="doc"/>
      <xsl:variable name="type" select="key('ctype', @type) | xs:complexType"/>
      <xsl:if test="key('stype', @type) or starts-with(@type, 'xs:') or $type/xs:simpleContent">
        <p>
          <xsl:text>Its text: </xsl:text>
          <xsl:choose>
            <xsl:when test="$type/xs:simpleContent">
              <xsl:call-template name="type-name"><xsl:with-param name="t" select="$type/xs:simpleContent/*/@base"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="type-name"><xsl:with-param name="t" select="@type"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <h3 id="{$id}-attributes">Attributes</h3>
      <xsl:choose>
        <xsl:when test="$type//xs:attribute | $type//xs:attributeGroup">
          <div class="scroll" role="region" tabindex="0" aria-labelledby="{$id}-attributes {$id}">
            <table>
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  <th scope="col">Value</th>
                  <th scope="col">Needed</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="$type" mode="attrs"/>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p>None.</p></xsl:otherwise>
      </xsl:choose>
      <h3>Contents</h3>
      <xsl:choose>
        <xsl:when test="$type//xs:element | $type//xs:group">
          <xsl:if test="$type/@mixed = 'true' or $type/xs:complexContent/@mixed = 'true'">
            <p>Text, mixed with these elements:</p>
          </xsl:if>
          <ul class="names">
            <xsl:apply-templates select="$type" mode="children"/>
          </ul>
        </xsl:when>
        <xsl:when test="$type/@mixed = 'true'"><p>Text.</p></xsl:when>
        <xsl:when test="$type"><p>Empty: everything is in the attributes.</p></xsl:when>
        <xsl:otherwise><p>Text only.</p></xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="ex" select="key('example', concat(ancestor::xs:element[1]/@name, '/', @name))"/>
      <xsl:variable name="ex2" select="key('example', @name)"/>
      <h3>Example</h3>
      <xsl:choose>
        <xsl:when test="not(parent::xs:schema) and $ex">
          <xsl:apply-templates select="$ex[1]" mode="example"/>
        </xsl:when>
        <xsl:when test="$ex2">
          <xsl:apply-templates select="$ex2[1]" mode="example"/>
        </xsl:when>
        <xsl:otherwise><p>No sample or test document uses it.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- an example, and the document it comes from: a sample, or a test
       document where no sample uses the element -->
  <xsl:template match="r:example" mode="example">
    <pre><code><xsl:value-of select="."/></code></pre>
    <p class="from">From <code><xsl:value-of select="@from"/></code>.</p>
  </xsl:template>

  <!-- ====================================================== attributes -->

  <!-- A type's attributes: its own, its attribute groups', and those of
       the type it extends. -->
  <xsl:template match="xs:complexType | xs:attributeGroup | xs:simpleContent | xs:complexContent | xs:extension | xs:restriction" mode="attrs">
    <xsl:apply-templates select="*" mode="attrs"/>
    <xsl:if test="self::xs:extension">
      <xsl:apply-templates select="key('ctype', @base)" mode="attrs"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="xs:attributeGroup[@ref]" mode="attrs" priority="2">
    <xsl:apply-templates select="key('agroup', @ref)" mode="attrs"/>
  </xsl:template>

  <xsl:template match="xs:attribute" mode="attrs">
    <xsl:variable name="decl" select="self::*[@name] | key('gattr', @ref)"/>
    <tr>
      <th scope="row"><code><xsl:value-of select="@name | @ref"/></code></th>
      <td>
        <xsl:for-each select="$decl">
          <xsl:choose>
            <xsl:when test="@type">
              <xsl:call-template name="type-name"><xsl:with-param name="t" select="@type"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="values"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@use = 'required'">required</xsl:when>
          <xsl:when test="@fixed">always <code><xsl:value-of select="@fixed"/></code></xsl:when>
          <xsl:when test="@default">optional; default <code><xsl:value-of select="@default"/></code></xsl:when>
          <xsl:otherwise>optional</xsl:otherwise>
        </xsl:choose>
      </td>
      <td><xsl:for-each select="$decl"><xsl:call-template name="doc"/></xsl:for-each></td>
    </tr>
  </xsl:template>

  <xsl:template match="*" mode="attrs"/>

  <!-- ======================================================== children -->

  <xsl:template match="xs:complexType | xs:complexContent | xs:sequence | xs:choice | xs:all" mode="children">
    <xsl:apply-templates select="*" mode="children"/>
  </xsl:template>

  <xsl:template match="xs:extension | xs:restriction" mode="children">
    <xsl:if test="self::xs:extension">
      <xsl:apply-templates select="key('ctype', @base)" mode="children"/>
    </xsl:if>
    <xsl:apply-templates select="*" mode="children"/>
  </xsl:template>

  <xsl:template match="xs:group[@ref]" mode="children">
    <xsl:apply-templates select="key('group', @ref)/*" mode="children"/>
  </xsl:template>

  <xsl:template match="xs:element[@ref]" mode="children">
    <li><xsl:call-template name="link-global"><xsl:with-param name="name" select="@ref"/></xsl:call-template></li>
  </xsl:template>

  <xsl:template match="xs:element[@name]" mode="children">
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:call-template name="page-of"/>
          <xsl:text>#</xsl:text>
          <xsl:call-template name="anchor"/>
        </xsl:attribute>
        <code><xsl:value-of select="@name"/></code>
      </a>
    </li>
  </xsl:template>

  <xsl:template match="xs:any" mode="children">
    <li>any element of another namespace</li>
  </xsl:template>

  <xsl:template match="*" mode="children"/>

  <!-- ========================================================= helpers -->

  <!-- A declaration's anchor: its name, numbered from the second declaration
       of that name on the same page (local elements often share a name). -->
  <xsl:template name="anchor">
    <xsl:variable name="n" select="@name"/>
    <xsl:variable name="kind" select="ancestor::r:schema/@kind"/>
    <xsl:variable name="before" select="count(preceding::xs:element[@name = $n][ancestor::r:schema/@kind = $kind])"/>
    <xsl:value-of select="@name"/>
    <xsl:if test="$before > 0">-<xsl:value-of select="$before + 1"/></xsl:if>
  </xsl:template>

  <!-- The page file a declaration is on, empty when it is this page. -->
  <xsl:template name="page-of">
    <xsl:if test="ancestor::r:schema/@kind != $page">
      <xsl:value-of select="ancestor::r:schema/@kind"/>
      <xsl:text>.html</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="link-global">
    <xsl:param name="name"/>
    <xsl:for-each select="key('gelem', $name)[1]">
      <a>
        <xsl:attribute name="href">
          <xsl:call-template name="page-of"/>
          <xsl:text>#</xsl:text>
          <xsl:call-template name="anchor"/>
        </xsl:attribute>
        <code><xsl:value-of select="$name"/></code>
      </a>
    </xsl:for-each>
  </xsl:template>

  <!-- What a local declaration sits in: the element, named type or group. -->
  <xsl:template name="owner-name">
    <xsl:variable name="o" select="ancestor::*[self::xs:element or self::xs:complexType[@name] or self::xs:group[@name]][1]"/>
    <code><xsl:value-of select="$o/@name"/></code>
  </xsl:template>

  <xsl:template name="owner-link">
    <xsl:variable name="o" select="ancestor::*[self::xs:element or self::xs:complexType[@name] or self::xs:group[@name]][1]"/>
    <xsl:choose>
      <xsl:when test="$o/self::xs:element">
        <xsl:for-each select="$o">
          <a>
            <xsl:attribute name="href">#<xsl:call-template name="anchor"/></xsl:attribute>
            <code>&lt;<xsl:value-of select="@name"/>&gt;</code>
          </a>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$o/self::xs:complexType">
        <xsl:text>every element of the kind </xsl:text><code><xsl:value-of select="$o/@name"/></code>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>the group </xsl:text><code><xsl:value-of select="$o/@name"/></code>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="doc">
    <xsl:for-each select="xs:annotation/xs:documentation">
      <p><xsl:value-of select="normalize-space()"/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- A type by name: a built-in in words, a named type linked to its entry. -->
  <xsl:template name="type-name">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="$t = 'xs:string' or $t = 'xs:normalizedString' or $t = 'xs:token'">text</xsl:when>
      <xsl:when test="$t = 'xs:positiveInteger'">a whole number from 1</xsl:when>
      <xsl:when test="$t = 'xs:nonNegativeInteger'">a whole number from 0</xsl:when>
      <xsl:when test="$t = 'xs:integer'">a whole number</xsl:when>
      <xsl:when test="$t = 'xs:date'">a date, YYYY-MM-DD</xsl:when>
      <xsl:when test="$t = 'xs:ID' or $t = 'xs:NCName'">a name (letters, digits, hyphens)</xsl:when>
      <xsl:when test="starts-with($t, 'xs:')"><xsl:value-of select="substring-after($t, 'xs:')"/></xsl:when>
      <xsl:when test="key('stype', $t)">
        <xsl:for-each select="key('stype', $t)[1]">
          <a>
            <xsl:attribute name="href"><xsl:call-template name="page-of"/>#type-<xsl:value-of select="$t"/></xsl:attribute>
            <code><xsl:value-of select="$t"/></code>
          </a>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><code><xsl:value-of select="$t"/></code></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An inline or named simple type's allowed values, where it lists them. -->
  <xsl:template name="values">
    <xsl:variable name="enum" select="(xs:simpleType | self::xs:simpleType)/xs:restriction/xs:enumeration"/>
    <xsl:variable name="base" select="(xs:simpleType | self::xs:simpleType)/xs:restriction/@base"/>
    <xsl:choose>
      <xsl:when test="$enum">
        <xsl:text>one of </xsl:text>
        <xsl:for-each select="$enum">
          <code><xsl:value-of select="@value"/></code>
          <xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="self::xs:simpleType and $base">
        <p>
          <xsl:text>Written as </xsl:text>
          <xsl:call-template name="type-name"><xsl:with-param name="t" select="$base"/></xsl:call-template>
          <xsl:if test="xs:restriction/xs:pattern"> in a fixed form</xsl:if>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:when>
      <xsl:when test="$base">
        <xsl:call-template name="type-name"><xsl:with-param name="t" select="$base"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="xs:simpleType/xs:union or xs:simpleType/xs:list">a value of a fixed form</xsl:when>
      <xsl:when test="self::xs:attribute">text</xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
